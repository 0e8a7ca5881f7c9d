package io.facesearch.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.domain.Metric;
import io.facesearch.domain.StoredFace;
import io.facesearch.store.Neighbor;
import io.facesearch.store.StoredCollection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Approximate search finds what exact search finds: recall@10 of {@link io.facesearch.store.VectorIndex#search}
 * against {@link io.facesearch.store.VectorIndex#searchExact} on clustered synthetic 128-D faces is at
 * least {@value #MIN_RECALL}, and both report exact distances in the collection's metric, nearest first.
 */
public abstract class SearchRecallContract extends BackendContract {
    static final double MIN_RECALL = 0.95;
    private static final int IDENTITIES = 300;
    private static final int SAMPLES = 8;
    private static final int QUERIES = 100;
    private static final int K = 10;

    @ParameterizedTest
    @EnumSource(Metric.class)
    void approximateSearchRecallsWhatExactSearchFinds(Metric metric) {
        StoredCollection c = create("recall-" + metric.name().toLowerCase(), metric);
        List<StoredFace> stored = enrollGrid(c, IDENTITIES, SAMPLES);
        Map<UUID, float[]> vectors = new HashMap<>();
        stored.forEach(f -> vectors.put(f.faceId(), f.embedding()));
        awaitSearchable(c, stored.size());
        int hits = 0;
        for (int q = 0; q < QUERIES; q++) {
            // Unseen samples of enrolled identities: queries as a real search sees them.
            float[] query = FACES.sample(q * IDENTITIES / QUERIES, 1000 + q);
            List<Neighbor> exact = c.index().searchExact(query, K);
            List<Neighbor> approximate = c.index().search(query, K);
            assertEquals(K, exact.size());
            assertEquals(K, approximate.size());
            assertSortedWithExactDistances(metric, query, exact, vectors);
            assertSortedWithExactDistances(metric, query, approximate, vectors);
            Set<UUID> truth = new HashSet<>();
            exact.forEach(n -> truth.add(n.faceId()));
            hits += (int) approximate.stream().filter(n -> truth.contains(n.faceId())).count();
        }
        double recall = hits / (double) (QUERIES * K);
        assertTrue(recall >= MIN_RECALL, "recall@10 " + recall + " < " + MIN_RECALL);
    }

    private static void assertSortedWithExactDistances(Metric metric, float[] query, List<Neighbor> neighbors, Map<UUID, float[]> vectors) {
        float previous = Float.NEGATIVE_INFINITY;
        for (Neighbor n : neighbors) {
            assertTrue(n.distance() >= previous, "nearest first");
            previous = n.distance();
            assertEquals(metric.distance(query, vectors.get(n.faceId())), n.distance(), 1e-4, "exact distance");
        }
    }
}
