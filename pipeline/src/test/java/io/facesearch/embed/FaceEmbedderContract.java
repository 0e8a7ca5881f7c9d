package io.facesearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.compare.DistanceMetric;
import io.facesearch.face.Embedding;
import io.facesearch.testdata.Concurrently;
import io.facesearch.testdata.LfwSample.LocatedFace;
import io.facesearch.testdata.SharedStages;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link FaceEmbedder} must do, on faces the default stages located in LFW photos (two
 * photos each of six people). An implementation's test extends this class, provides
 * {@link #embedder()} and the {@link #metric()} its embeddings are compared with, and adds only what
 * is particular to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FaceEmbedderContract {

    /** The embedder under test. */
    protected abstract FaceEmbedder embedder();

    /** How its embeddings are compared. */
    protected abstract DistanceMetric metric();

    private static List<LocatedFace> faces() {
        return SharedStages.sample().faces();
    }

    private Embedding embed(LocatedFace f) {
        return embedder().embed(f.image(), f.canvas(), List.of(f.box()), List.of(f.landmarks())).get(0);
    }

    @Test
    void oneFiniteEmbeddingOfTheStatedDimensionPerFace() {
        assertTrue(embedder().dimension() > 0);
        LocatedFace a = faces().get(0);
        LocatedFace b = faces().get(1);
        // Two faces of one photo (the second one's box and landmarks moved onto it do not matter here).
        List<Embedding> both = embedder().embed(a.image(), a.canvas(), List.of(a.box(), a.box()),
                List.of(a.landmarks(), a.landmarks()));
        assertEquals(2, both.size());
        for (LocatedFace f : List.of(a, b)) {
            Embedding e = embed(f);
            assertEquals(embedder().dimension(), e.dimension());
            for (float v : e.toArray()) {
                assertTrue(Float.isFinite(v), f.file() + ": " + v);
            }
            assertTrue(e.norm() > 0, f.file() + ": zero embedding");
        }
    }

    @Test
    void noFacesGiveNoEmbeddingsAndMismatchedListsFail() {
        LocatedFace a = faces().get(0);
        assertEquals(List.of(), embedder().embed(a.image(), a.canvas(), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> embedder().embed(a.image(), a.canvas(), List.of(a.box(), a.box()), List.of(a.landmarks())));
    }

    @Test
    void theSameFaceGivesTheSameEmbedding() {
        LocatedFace f = faces().get(2);
        assertEquals(embed(f), embed(f));
    }

    @Test
    void samePersonIsCloserThanDifferentPeople() {
        List<LocatedFace> faces = faces();
        List<Embedding> embeddings = faces.stream().map(this::embed).toList();
        double same = 0;
        double different = 0;
        int sameCount = 0;
        int differentCount = 0;
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                double d = metric().distance(embeddings.get(i), embeddings.get(j));
                if (faces.get(i).identity().equals(faces.get(j).identity())) {
                    same += d;
                    sameCount++;
                } else {
                    different += d;
                    differentCount++;
                }
            }
        }
        assertTrue(sameCount >= 4 && differentCount > 0, "too few faces located: " + faces.size());
        double meanDifferent = different / differentCount;
        for (int i = 0; i + 1 < faces.size(); i++) {
            if (faces.get(i).identity().equals(faces.get(i + 1).identity())) {
                double d = metric().distance(embeddings.get(i), embeddings.get(i + 1));
                assertTrue(d < meanDifferent, faces.get(i).identity() + ": " + d + " apart, different people "
                        + meanDifferent + " on average");
            }
        }
        assertTrue(same / sameCount < 0.8 * meanDifferent,
                "same person " + same / sameCount + " apart on average, different people " + meanDifferent);
    }

    @Test
    void hasAnIdThatNamesItsEmbeddings() {
        assertFalse(embedder().id().isBlank());
    }

    @Test
    void concurrentCallsGiveWhatSingleCallsGive() throws Exception {
        List<LocatedFace> faces = faces().subList(0, 4);
        List<Callable<Embedding>> calls = faces.stream().<Callable<Embedding>>map(f -> () -> embed(f)).toList();
        List<List<Embedding>> results = Concurrently.run(calls, 2);
        for (int i = 0; i < faces.size(); i++) {
            Embedding alone = embed(faces.get(i));
            for (Embedding concurrent : results.get(i)) {
                assertEquals(alone, concurrent, faces.get(i).file());
            }
        }
    }
}
