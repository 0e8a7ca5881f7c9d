package io.facesearch.store.embedded.hnsw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.domain.Metric;
import io.facesearch.store.Neighbor;
import io.facesearch.store.testing.SyntheticFaces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link WritableIndex} must do; each implementation's test extends this. */
abstract class WritableIndexContract {
    static final int DIMENSION = 128;
    final SyntheticFaces faces = new SyntheticFaces(42, DIMENSION);
    private final List<WritableIndex> opened = new ArrayList<>();

    /** A new, empty index of this implementation. */
    abstract WritableIndex create(Metric metric, int dimension) throws IOException;

    WritableIndex open(Metric metric) throws IOException {
        WritableIndex index = create(metric, DIMENSION);
        opened.add(index);
        return index;
    }

    @AfterEach
    void closeIndexes() throws IOException {
        for (WritableIndex index : opened) {
            index.close();
        }
    }

    /** Enrols {@code identities} x {@code samples} faces; returns face id -> identity. */
    Map<UUID, Integer> fill(WritableIndex index, int identities, int samples) throws IOException {
        Map<UUID, Integer> identityOf = new HashMap<>();
        for (int i = 0; i < identities; i++) {
            for (int s = 0; s < samples; s++) {
                UUID id = UUID.randomUUID();
                index.upsert(id, faces.sample(i, s));
                identityOf.put(id, i);
            }
        }
        index.refresh();
        return identityOf;
    }

    @Test
    void emptyIndexFindsNothing() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        assertEquals(List.of(), index.search(faces.sample(0, 0), 10));
        assertEquals(List.of(), index.searchExact(faces.sample(0, 0), 10));
        assertEquals(0, index.size());
    }

    @Test
    void findsAnUpsertedFaceAtDistanceZero() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        UUID id = UUID.randomUUID();
        index.upsert(id, faces.sample(3, 0));
        index.refresh();
        List<Neighbor> found = index.search(faces.sample(3, 0), 1);
        assertEquals(id, found.getFirst().faceId());
        assertEquals(0, found.getFirst().distance(), 1e-6);
    }

    @Test
    void upsertReplacesTheVectorOfAnId() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        UUID id = UUID.randomUUID();
        index.upsert(id, faces.sample(1, 0));
        index.upsert(id, faces.sample(2, 0));
        index.refresh();
        assertEquals(1, index.size());
        assertEquals(0, index.search(faces.sample(2, 0), 1).getFirst().distance(), 1e-6);
    }

    @Test
    void deletedFacesAreNotFound() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        Map<UUID, Integer> all = fill(index, 20, 3);
        Set<UUID> deleted = new HashSet<>();
        for (Map.Entry<UUID, Integer> e : all.entrySet()) {
            if (e.getValue() == 5) {
                index.delete(e.getKey());
                deleted.add(e.getKey());
            }
        }
        index.delete(UUID.randomUUID());
        index.refresh();
        assertEquals(57, index.size());
        for (Neighbor n : index.search(faces.sample(5, 0), 10)) {
            assertTrue(!deleted.contains(n.faceId()), "deleted face returned");
        }
        for (Neighbor n : index.searchExact(faces.sample(5, 0), 10)) {
            assertTrue(!deleted.contains(n.faceId()), "deleted face returned by exact search");
        }
    }

    @Test
    void nearestFacesAreTheQueryIdentityWithExactDistancesInOrder() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        Map<UUID, Integer> identityOf = fill(index, 50, 5);
        float[] query = faces.sample(7, 99);
        List<Neighbor> found = index.search(query, 5);
        assertEquals(5, found.size());
        for (int i = 0; i < found.size(); i++) {
            assertEquals(7, identityOf.get(found.get(i).faceId()));
            assertTrue(found.get(i).distance() < 0.6f, "same identity within threshold");
            if (i > 0) {
                assertTrue(found.get(i - 1).distance() <= found.get(i).distance());
            }
        }
    }

    @Test
    void approximateSearchAgreesWithExactSearch() throws IOException {
        for (Metric metric : Metric.values()) {
            WritableIndex index = open(metric);
            fill(index, 400, 5);
            int agreed = 0;
            int total = 0;
            for (int q = 0; q < 40; q++) {
                float[] query = faces.sample(q * 7, 1000 + q);
                Set<UUID> exact = new HashSet<>();
                index.searchExact(query, 10).forEach(n -> exact.add(n.faceId()));
                for (Neighbor n : index.search(query, 10)) {
                    agreed += exact.contains(n.faceId()) ? 1 : 0;
                }
                total += exact.size();
            }
            double recall = agreed / (double) total;
            assertTrue(recall >= 0.99, metric + " recall@10 " + recall);
        }
    }

    @Test
    void cosineDistanceIgnoresScale() throws IOException {
        WritableIndex index = open(Metric.COSINE);
        UUID id = UUID.randomUUID();
        float[] v = faces.sample(4, 0);
        index.upsert(id, v);
        index.refresh();
        float[] doubled = v.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        assertEquals(0, index.search(doubled, 1).getFirst().distance(), 1e-5);
    }

    @Test
    void rejectsVectorsOfTheWrongLength() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        assertThrows(IllegalArgumentException.class, () -> index.upsert(UUID.randomUUID(), new float[DIMENSION - 1]));
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[DIMENSION + 1], 1));
    }

    @Test
    void commitRecordsTheAppliedSequence() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        assertEquals(-1, index.appliedSequence());
        index.upsert(UUID.randomUUID(), faces.sample(0, 0));
        index.commit(17);
        assertEquals(17, index.appliedSequence());
    }

    @Test
    void compactionKeepsEveryLiveFaceAndMergesToTheSegmentsAsked() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        Map<UUID, Integer> first = fill(index, 10, 2);
        Map<UUID, Integer> second = fill(index, 10, 2);
        UUID gone = first.keySet().iterator().next();
        index.delete(gone);
        index.refresh();
        index.compact(0);
        assertEquals(39, index.size());
        assertTrue(index.searchExact(faces.sample(first.get(gone), 0), 40).stream().noneMatch(n -> n.faceId().equals(gone)));
        index.compact(1);
        assertEquals(1, index.segmentCount());
        assertEquals(39, index.size());
        UUID kept = second.keySet().iterator().next();
        assertTrue(index.search(faces.sample(second.get(kept), 0), 40).stream().anyMatch(n -> n.faceId().equals(kept)));
    }

    @Test
    void clearRemovesEveryFace() throws IOException {
        WritableIndex index = open(Metric.EUCLIDEAN);
        fill(index, 5, 2);
        index.clear();
        index.refresh();
        assertEquals(0, index.size());
        assertEquals(List.of(), index.search(faces.sample(1, 0), 3));
    }
}
