package io.facesearch.store.embedded;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.Compaction;
import io.facesearch.store.StoredCollection;
import io.facesearch.store.embedded.hnsw.WritableIndex;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A collection of the embedded backend: its faces in RocksDB, its HNSW index, and the feeder that
 * applies the database's change log to the index in the background.
 */
final class EmbeddedCollection implements StoredCollection {
    /** A lag above which the index is catching up: about two seconds of graph building on one core. */
    static final long CATCH_UP_LAG = 10_000;
    /** Refresh period while catching up: segments of ~20k faces instead of ~2k to merge later. */
    static final long CATCH_UP_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final CollectionRecord record;
    private final RocksFaceStore store;
    private final WritableIndex index;
    private final IndexFeeder feeder;
    private final EmbeddedFaceStore faces;
    private final EmbeddedIndex search;
    private volatile long lastRefresh = System.nanoTime();

    EmbeddedCollection(CollectionRecord record, RocksFaceStore store, WritableIndex index, IndexFeeder feeder) {
        this.record = record;
        this.store = store;
        this.index = index;
        this.feeder = feeder;
        this.faces = new EmbeddedFaceStore(store, feeder);
        this.search = new EmbeddedIndex(record.metric(), store, index, feeder);
    }

    @Override
    public CollectionRecord record() {
        return record;
    }

    @Override
    public EmbeddedFaceStore faces() {
        return faces;
    }

    @Override
    public EmbeddedIndex index() {
        return search;
    }

    /**
     * Makes what the feeder applied searchable, on the refresh schedule. While the index is far
     * behind (a bulk load), it refreshes only every {@link #CATCH_UP_REFRESH_NANOS}: each refresh
     * writes a segment whose graph a merge rebuilds later, and refreshing every 500 ms measured
     * half the graph-building throughput, while the faces it would show are seconds old anyway.
     */
    void refreshOnSchedule() throws IOException {
        long now = System.nanoTime();
        if (feeder.lag() > CATCH_UP_LAG && now - lastRefresh < CATCH_UP_REFRESH_NANOS) {
            return;
        }
        index.refresh();
        lastRefresh = now;
    }

    /** Commits the index at the feeder's position and trims the log up to it. */
    void commit() throws IOException {
        long applied = feeder.applied();
        if (applied != index.appliedSequence()) {
            index.commit(applied);
            store.changeLog().trimThrough(applied);
        }
    }

    /**
     * Physically drops deleted faces: waits for the index to hold every change settled so far,
     * rewrites the database ranges and the index segments, and commits.
     */
    @Override
    public Optional<Compaction> compact(int maxSegments, long timeoutMillis) throws InterruptedException {
        long started = System.nanoTime();
        try {
            long before = index.sizeOnDiskBytes();
            if (!feeder.awaitApplied(store.changeLog().watermark(), timeoutMillis)) {
                return Optional.empty();
            }
            store.compact();
            index.compact(maxSegments);
            // Always commit, even at an unchanged position: the commit point is what releases the
            // merged-away segment files to deletion.
            long applied = feeder.applied();
            index.commit(applied);
            store.changeLog().trimThrough(applied);
            return Optional.of(new Compaction(before, index.sizeOnDiskBytes(), index.segmentCount(),
                    (System.nanoTime() - started) / 1_000_000));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("compaction of collection " + record.name() + " failed", e);
        }
    }

    /** Stops the feeder; what it has not applied is replayed at the next start. */
    void stopFeeding() {
        feeder.close();
    }

    void closeIndex() throws IOException {
        index.close();
    }
}
