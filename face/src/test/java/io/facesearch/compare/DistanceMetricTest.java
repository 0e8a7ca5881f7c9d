package io.facesearch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.facesearch.face.Embedding;
import org.junit.jupiter.api.Test;

class DistanceMetricTest {

    @Test
    void euclideanIsTheLengthOfTheDifference() {
        assertEquals(5, DistanceMetric.EUCLIDEAN.distance(new float[] {0, 0}, new float[] {3, 4}), 0);
    }

    @Test
    void cosineIgnoresScaleAndSpansZeroToTwo() {
        assertEquals(0, DistanceMetric.COSINE.distance(new float[] {1, 2}, new float[] {2, 4}), 1e-12);
        assertEquals(1, DistanceMetric.COSINE.distance(new float[] {1, 0}, new float[] {0, 3}), 1e-12);
        assertEquals(2, DistanceMetric.COSINE.distance(new float[] {1, 0}, new float[] {-1, 0}), 1e-12);
    }

    @Test
    void aZeroVectorIsOrthogonalToEverythingNeverNaN() {
        assertEquals(1, DistanceMetric.COSINE.distance(new float[] {0, 0}, new float[] {1, 2}));
        assertEquals(1, DistanceMetric.COSINE.distance(new float[] {0, 0}, new float[] {0, 0}));
    }

    @Test
    void identicalDirectionsNeverGoBelowZero() {
        float[] v = {0.1f, 0.7f, 0.3f, 0.9f, 0.2f};
        assertEquals(0, DistanceMetric.COSINE.distance(v, v.clone()), 0);
    }

    @Test
    void embeddingsCompareAsTheirValues() {
        Embedding a = new Embedding(new float[] {1, 2, 3});
        Embedding b = new Embedding(new float[] {3, 2, 1});
        assertEquals(DistanceMetric.EUCLIDEAN.distance(a.toArray(), b.toArray()), DistanceMetric.EUCLIDEAN.distance(a, b), 0);
    }

    @Test
    void vectorsOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DistanceMetric.EUCLIDEAN.distance(new float[] {1}, new float[] {1, 2}));
    }
}
