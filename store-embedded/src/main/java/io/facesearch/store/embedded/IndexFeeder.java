package io.facesearch.store.embedded;

import io.facesearch.store.embedded.hnsw.WritableIndex;
import io.facesearch.store.embedded.rocks.Change;
import io.facesearch.store.embedded.rocks.ChangeLog;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a collection's change log to its index in the background, in log order. An enrolment is
 * acknowledged once it is durable in the database; inserting its vector into the HNSW graph,
 * which costs far more than the synced write, happens here, after the acknowledgement.
 *
 * <p><b>Position.</b> {@link #applied()} is the highest sequence such that every change at or
 * below it is in the index writer (visible to searches after the next refresh). The feeder reads
 * only up to the log's {@linkplain ChangeLog#watermark() watermark}, below which every write has
 * settled, so it never steps over an entry that is still being written. Index commits record
 * {@code applied()}; after a crash, recovery replays the log from there.
 *
 * <p><b>Lag.</b> {@link #awaitLag} makes a writer wait while it is more than {@code maxLag}
 * changes ahead of the index: under a sustained bulk load, acknowledgements are paced by graph
 * construction once the lag reaches that bound, so searchability never falls further behind.
 *
 * <p><b>Deletes</b> do not wait for the feeder: {@link #deleteNow} removes faces from the index at
 * once and leaves a tombstone, so that an upsert of the same face still queued in the log is
 * skipped rather than resurrecting it. The tombstone is dropped when the feeder reaches the
 * delete's own log entry, which comes after every upsert of that face. Upserts and deletes take
 * the same lock, so a delete falls wholly before or wholly after any single upsert.
 */
public final class IndexFeeder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);
    /** Changes read per scan of the log: amortises the scan and the embeddings' multi-get. */
    private static final int PAGE = 1024;
    /** Pause before retrying after an index failure (disk full, say): the log keeps every change. */
    private static final long RETRY_MILLIS = 1000;
    /** Longest idle wait; writers signal new changes, so this only bounds a missed signal. */
    private static final long IDLE_MILLIS = 100;

    private final String name;
    private final RocksFaceStore store;
    private final WritableIndex index;
    private final long maxLag;
    /** Held around each index write and each synchronous delete; guards {@link #tombstones}. */
    private final Object indexLock = new Object();
    private final Set<UUID> tombstones = new HashSet<>();
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition changed = progress.newCondition();
    private final Condition advanced = progress.newCondition();
    private final Thread thread;
    private volatile long applied;
    private volatile boolean closed;

    /**
     * Starts feeding from {@code index.appliedSequence()}, which recovery has brought up to the
     * log's last sequence.
     *
     * @param maxLag how many changes a writer may be ahead of the index before it waits
     */
    public IndexFeeder(String name, RocksFaceStore store, WritableIndex index, long maxLag) {
        if (maxLag < 1) {
            throw new IllegalArgumentException("maxLag must be >= 1, got " + maxLag);
        }
        this.name = name;
        this.store = store;
        this.index = index;
        this.maxLag = maxLag;
        this.applied = Math.max(0, index.appliedSequence());
        this.thread = new Thread(this::run, "index-feeder-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Every change at or below this sequence is in the index writer. */
    public long applied() {
        return applied;
    }

    /** Changes settled in the database and not yet in the index. */
    public long lag() {
        return Math.max(0, store.changeLog().watermark() - applied);
    }

    /** Tells the feeder that changes up to the log's watermark may be new. */
    public void signal() {
        progress.lock();
        try {
            changed.signalAll();
        } finally {
            progress.unlock();
        }
    }

    /**
     * Waits while {@code sequence} is more than {@code maxLag} changes ahead of the index, or
     * until the feeder closes.
     */
    public void awaitLag(long sequence) throws InterruptedException {
        awaitApplied(sequence - maxLag, Long.MAX_VALUE);
    }

    /**
     * Waits until every change up to {@code sequence} is in the index writer, the feeder closes, or
     * the timeout passes; returns whether the sequence was reached.
     */
    public boolean awaitApplied(long sequence, long timeoutMillis) throws InterruptedException {
        long deadline = timeoutMillis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        progress.lock();
        try {
            while (applied < sequence && !closed) {
                long left = deadline == Long.MAX_VALUE ? TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS) : deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                advanced.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)));
            }
            return applied >= sequence;
        } finally {
            progress.unlock();
        }
    }

    /** Removes faces from the index at once and makes that visible before returning. */
    public void deleteNow(List<UUID> faceIds) throws IOException {
        synchronized (indexLock) {
            for (UUID id : faceIds) {
                index.delete(id);
                tombstones.add(id);
            }
        }
        index.refresh();
    }

    private void run() {
        while (!closed) {
            try {
                if (!feedOnePage()) {
                    awaitChange();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("index update failed for collection {} at sequence {}; retrying (the change log keeps every change)",
                        name, applied + 1, e);
                sleepQuietly(RETRY_MILLIS);
            }
        }
    }

    /** Applies the next page of settled changes; false when there was nothing to apply. */
    private boolean feedOnePage() throws IOException {
        long target = store.changeLog().watermark();
        if (applied >= target) {
            return false;
        }
        List<Change> page = new ArrayList<>(PAGE);
        for (Change c : store.changeLog().after(applied, PAGE)) {
            if (c.sequence() <= target) {
                page.add(c);
            }
        }
        List<UUID> upserted = new ArrayList<>(page.size());
        for (Change c : page) {
            if (c.operation() == Change.Operation.UPSERT) {
                upserted.add(c.faceId());
            }
        }
        List<float[]> vectors = store.embeddings(upserted);
        int next = 0;
        for (Change c : page) {
            if (closed) {
                return true;
            }
            switch (c.operation()) {
                case UPSERT -> {
                    float[] vector = vectors.get(next++);
                    synchronized (indexLock) {
                        // Null or tombstoned: deleted since; its delete entry follows in the log.
                        if (vector != null && !tombstones.contains(c.faceId())) {
                            index.upsert(c.faceId(), vector);
                        }
                    }
                }
                case DELETE -> {
                    synchronized (indexLock) {
                        index.delete(c.faceId());
                        tombstones.remove(c.faceId());
                    }
                }
            }
            // Published per change so that a close mid-page commits everything applied.
            applied = c.sequence();
        }
        // A short page reached the target: the sequences between hold no entry (failed writes).
        long reached = page.size() < PAGE ? target : page.getLast().sequence();
        progress.lock();
        try {
            applied = Math.max(applied, reached);
            advanced.signalAll();
        } finally {
            progress.unlock();
        }
        return true;
    }

    private void awaitChange() {
        progress.lock();
        try {
            if (!closed && applied >= store.changeLog().watermark()) {
                changed.await(IDLE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            progress.unlock();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops after the change in progress; what is not applied stays in the log for the next start.
     * Not an interrupt: that would close the NIO channels of a Lucene write mid-way.
     */
    @Override
    public void close() {
        progress.lock();
        try {
            closed = true;
            changed.signalAll();
            advanced.signalAll();
        } finally {
            progress.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
