package io.facesearch.server.service;

import io.facesearch.server.index.IndexFeeder;
import io.facesearch.server.index.VectorIndex;
import io.facesearch.server.store.CollectionRecord;
import io.facesearch.server.store.Deleted;
import io.facesearch.server.store.Enrolled;
import io.facesearch.server.store.FaceStore;
import io.facesearch.server.store.StoredFace;
import io.facesearch.server.store.Written;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A collection that is open for business: its settings, its faces in the database, its index and
 * the feeder that applies the database's changes to the index in the background.
 * Every operation runs under the read lock via {@link #use}; deleting the collection takes the
 * write lock, so it waits for operations in progress and later ones see it closed.
 */
public final class OpenCollection {
    /** A lag above which the index is catching up: about two seconds of graph building on one core. */
    static final long CATCH_UP_LAG = 10_000;
    /** Refresh period while catching up: segments of ~20k faces instead of ~2k to merge later. */
    static final long CATCH_UP_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final CollectionRecord record;
    private final FaceStore store;
    private final VectorIndex index;
    private final IndexFeeder feeder;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long lastRefresh = System.nanoTime();
    private boolean closed;

    OpenCollection(CollectionRecord record, FaceStore store, VectorIndex index, IndexFeeder feeder) {
        this.record = record;
        this.store = store;
        this.index = index;
        this.feeder = feeder;
    }

    public CollectionRecord record() {
        return record;
    }

    public FaceStore store() {
        return store;
    }

    public VectorIndex index() {
        return index;
    }

    /** Runs an operation while the collection cannot be deleted; NOT_FOUND if it already was. */
    public <T> T use(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw FaceSearchException.notFound("collection '" + record.name() + "' was deleted");
            }
            return operation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Waits for operations in progress, then refuses new ones; returns false if already closed. */
    boolean close() {
        lock.writeLock().lock();
        try {
            boolean wasOpen = !closed;
            closed = true;
            return wasOpen;
        } finally {
            lock.writeLock().unlock();
        }
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

    /** Changes acknowledged but not yet in the index. */
    public long indexLag() {
        return feeder.lag();
    }

    /**
     * Hands freshly stored faces to the index feeder: their changes have settled in the database,
     * so the feeder may apply them. Returns at once; see {@link #awaitIndexLag}.
     */
    void indexEnrolled(Written<List<Enrolled>> written) {
        store.changeLog().complete(written.sequences());
        feeder.signal();
    }

    /**
     * Paces a writer to the index: waits while the write is more than {@code index.max.lag}
     * changes ahead of it. Called outside {@link #use}, so a collection delete does not wait.
     */
    void awaitIndexLag(Written<?> written) {
        long last = 0;
        for (long s : written.sequences()) {
            last = Math.max(last, s);
        }
        if (last == 0) {
            return;
        }
        try {
            feeder.awaitLag(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes deleted faces from the index and refreshes it, so they vanish from search before the reply. */
    void indexDeleted(Written<Deleted> written) {
        try {
            if (!written.value().faces().isEmpty()) {
                feeder.deleteNow(written.value().faces().stream().map(StoredFace::faceId).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index delete failed; the faces are deleted from the store and will leave the index on restart", e);
        } finally {
            // Failed or not: later changes must not wait behind these; the feeder applies their
            // log entries again, which retries a failed index delete.
            store.changeLog().complete(written.sequences());
            feeder.signal();
        }
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
     *
     * @param maxSegments 0 to rewrite only segments with deletions, or the most segments to keep
     */
    Compaction compact(int maxSegments, long timeoutMillis) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long before = index.sizeOnDiskBytes();
        if (!feeder.awaitApplied(store.changeLog().watermark(), timeoutMillis)) {
            throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED, "the index of collection '"
                    + record.name() + "' is " + feeder.lag() + " changes behind; retry the compaction once it has caught up");
        }
        store.compact();
        index.compact(maxSegments);
        // Always commit, even at an unchanged position: the commit point is what releases the
        // merged-away segment files to deletion.
        long applied = feeder.applied();
        index.commit(applied);
        store.changeLog().trimThrough(applied);
        return new Compaction(before, index.sizeOnDiskBytes(), index.segmentCount(), (System.nanoTime() - started) / 1_000_000);
    }

    /** What a compaction did. */
    public record Compaction(long indexBytesBefore, long indexBytesAfter, int segments, long tookMillis) {
    }

    /** Stops the feeder; what it has not applied is replayed at the next start. */
    void stopFeeding() {
        feeder.close();
    }
}
