package io.facesearch.store.embedded;

import io.facesearch.domain.Metric;
import io.facesearch.store.NearestNeighbors;
import io.facesearch.store.Neighbor;
import io.facesearch.store.VectorIndex;
import io.facesearch.store.embedded.hnsw.WritableIndex;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Search in an embedded collection: approximate by its HNSW index; exact by comparing the query
 * with every embedding in RocksDB (the truth, not the index), so an audit compares the index with
 * the source of truth.
 */
final class EmbeddedIndex implements VectorIndex {
    private final Metric metric;
    private final RocksFaceStore store;
    private final WritableIndex index;
    private final IndexFeeder feeder;

    EmbeddedIndex(Metric metric, RocksFaceStore store, WritableIndex index, IndexFeeder feeder) {
        this.metric = metric;
        this.store = store;
        this.index = index;
        this.feeder = feeder;
    }

    @Override
    public List<Neighbor> search(float[] query, int k) {
        try {
            return index.search(query, k);
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }

    @Override
    public List<Neighbor> searchExact(float[] query, int k) {
        NearestNeighbors nearest = new NearestNeighbors(k);
        store.forEachEmbedding((id, vector) -> nearest.offer(id, metric.distance(query, vector)));
        return nearest.nearestFirst();
    }

    @Override
    public long size() {
        try {
            return index.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long lag() {
        return feeder.lag();
    }

    @Override
    public long sizeOnDiskBytes() {
        try {
            return index.sizeOnDiskBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
