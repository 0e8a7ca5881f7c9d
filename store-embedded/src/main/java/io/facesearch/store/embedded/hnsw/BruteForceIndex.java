package io.facesearch.store.embedded.hnsw;

import io.facesearch.domain.Metric;
import io.facesearch.store.NearestNeighbors;
import io.facesearch.store.Neighbor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory index that compares the query with every face. Exact by construction: it is the
 * reference that approximate indexes are measured against, and enough for small collections.
 * Nothing is persisted; {@link #appliedSequence()} survives only as long as the object.
 */
public final class BruteForceIndex implements WritableIndex {
    private final Metric metric;
    private final int dimension;
    private final Map<UUID, float[]> vectors = new ConcurrentHashMap<>();
    private volatile long appliedSequence = -1;

    public BruteForceIndex(Metric metric, int dimension) {
        this.metric = metric;
        this.dimension = dimension;
    }

    @Override
    public void upsert(UUID faceId, float[] vector) {
        requireDimension(vector);
        vectors.put(faceId, vector.clone());
    }

    @Override
    public void delete(UUID faceId) {
        vectors.remove(faceId);
    }

    @Override
    public void clear() {
        vectors.clear();
    }

    @Override
    public void refresh() {
        // Changes are visible at once.
    }

    @Override
    public List<Neighbor> search(float[] query, int k) {
        return searchExact(query, k);
    }

    @Override
    public List<Neighbor> searchExact(float[] query, int k) {
        requireDimension(query);
        NearestNeighbors nearest = new NearestNeighbors(k);
        vectors.forEach((faceId, vector) -> nearest.offer(faceId, metric.distance(query, vector)));
        return nearest.nearestFirst();
    }

    @Override
    public int size() {
        return vectors.size();
    }

    @Override
    public void commit(long appliedSequence) {
        this.appliedSequence = appliedSequence;
    }

    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    @Override
    public long sizeOnDiskBytes() {
        return 0;
    }

    @Override
    public void compact(int maxSegments) {
        // Deleted vectors are dropped from memory at once: nothing to rewrite.
    }

    @Override
    public int segmentCount() {
        return 1;
    }

    @Override
    public void close() {
        vectors.clear();
    }

    private void requireDimension(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected a vector of " + dimension + " values, got " + vector.length);
        }
    }
}
