package io.facesearch.store.embedded;

import io.facesearch.domain.Metric;
import io.facesearch.store.Neighbor;
import io.facesearch.store.VectorIndex;
import io.facesearch.store.embedded.hnsw.WritableIndex;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

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
        PriorityQueue<Neighbor> worstFirst = new PriorityQueue<>(Comparator.comparingDouble(Neighbor::distance).reversed());
        store.forEachEmbedding((id, vector) -> {
            float d = metric.distance(query, vector);
            if (worstFirst.size() < k) {
                worstFirst.add(new Neighbor(id, d));
            } else if (d < worstFirst.peek().distance()) {
                worstFirst.poll();
                worstFirst.add(new Neighbor(id, d));
            }
        });
        List<Neighbor> sorted = new ArrayList<>(worstFirst);
        sorted.sort(Comparator.comparingDouble(Neighbor::distance));
        return sorted;
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
