package io.facesearch.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimilarityScaleTest {

    @Test
    void isFiftyAtTheThresholdWhateverItIs() {
        for (double threshold : new double[] {0.09, 0.6, 1.1}) {
            assertEquals(50, SimilarityScale.similarity(threshold, threshold), 1e-4);
        }
    }

    @Test
    void fallsMonotonicallyFromNearlyHundredToNearlyZero() {
        float previous = 101;
        for (double d = 0; d <= 1.5; d += 0.01) {
            float s = SimilarityScale.similarity(d, 0.6);
            assertTrue(s >= 0 && s <= 100);
            assertTrue(s < previous);
            previous = s;
        }
        assertTrue(SimilarityScale.similarity(0, 0.6) > 99.9);
        assertTrue(SimilarityScale.similarity(1.2, 0.6) < 0.1);
        assertEquals(98.2, SimilarityScale.similarity(0.3, 0.6), 0.1);
    }

    @Test
    void needsAPositiveThreshold() {
        assertThrows(IllegalArgumentException.class, () -> SimilarityScale.similarity(0.1, 0));
    }
}
