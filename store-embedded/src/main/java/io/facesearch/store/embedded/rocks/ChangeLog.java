package io.facesearch.store.embedded.rocks;

import io.facesearch.domain.StoreException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One collection's change log in column family {@code changes} (layout on {@link ChangeKey}),
 * and the bookkeeping that tells a search index how far it may claim to be up to date.
 *
 * <p>Sequence numbers are assigned in memory before a write and completed after it (after the
 * synchronous index work of a delete), by concurrent writers, so they complete out of order. The
 * <em>watermark</em> is the highest sequence such that it and every lower one have completed: the
 * log holds no entry at or below it that is still being written, so the index feeder reads up to
 * it. An index commit records how far the feeder got, and catching up replays everything after
 * that. Replays are idempotent, so an overlap is harmless.
 *
 * <p>Key {@code [collection id][sequence 0]} is reserved: its value (u64) is the floor left by
 * the last trim, so the sequence never goes back even when every entry has been trimmed.
 */
public final class ChangeLog {
    private final RocksDatabase db;
    private final long collectionId;
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long last;

    ChangeLog(RocksDatabase db, long collectionId) {
        this.db = db;
        this.collectionId = collectionId;
        byte[] lastKey = db.lastKey(Family.CHANGES, new ChangeKey(collectionId, 0).encode(), ByteLayout.collectionEnd(collectionId));
        long lastSequence = lastKey == null ? 0 : ChangeKey.decode(lastKey).sequence();
        byte[] floor = db.get(Family.CHANGES, new ChangeKey(collectionId, 0).encode());
        this.last = Math.max(lastSequence, floor == null ? 0 : ByteBuffer.wrap(floor).getLong());
    }

    /** Reserves the next sequence number and adds its entry to {@code batch}. */
    synchronized long append(WriteBatch batch, Change.Operation operation, UUID faceId) throws RocksDBException {
        long sequence = ++last;
        inFlight.add(sequence);
        ByteBuffer value = ByteBuffer.allocate(17).put((byte) operation.code());
        ByteLayout.putUuid(value, faceId);
        batch.put(db.family(Family.CHANGES), new ChangeKey(collectionId, sequence).encode(), value.array());
        return sequence;
    }

    /** Marks sequences as settled: written (or never written, when their batch failed). */
    public synchronized void complete(long[] sequences) {
        for (long s : sequences) {
            inFlight.remove(s);
        }
    }

    /** Every sequence at or below this has completed. */
    public synchronized long watermark() {
        return inFlight.isEmpty() ? last : inFlight.first() - 1;
    }

    /** The highest sequence assigned. */
    public synchronized long lastSequence() {
        return last;
    }

    /** The lowest sequence still in the log, or {@code lastSequence() + 1} if it is empty. */
    public long firstSequence() {
        try (RocksDatabase.Cursor c = db.scan(Family.CHANGES, new ChangeKey(collectionId, 1).encode(), ByteLayout.collectionEnd(collectionId))) {
            return c.valid() ? ChangeKey.decode(c.key()).sequence() : lastSequence() + 1;
        }
    }

    /** Up to {@code limit} changes with sequence above {@code after}, in order. */
    public List<Change> after(long after, int limit) {
        List<Change> changes = new ArrayList<>();
        try (RocksDatabase.Cursor c = db.scan(Family.CHANGES, new ChangeKey(collectionId, after + 1).encode(), ByteLayout.collectionEnd(collectionId))) {
            for (; c.valid() && changes.size() < limit; c.next()) {
                ByteBuffer value = ByteBuffer.wrap(c.value());
                Change.Operation op = Change.Operation.fromCode(value.get());
                changes.add(new Change(ChangeKey.decode(c.key()).sequence(), op, ByteLayout.getUuid(value)));
            }
        }
        return changes;
    }

    /** Drops entries up to and including {@code through}, which an index commit has made redundant. */
    public void trimThrough(long through) {
        if (through < 1) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            batch.deleteRange(db.family(Family.CHANGES), new ChangeKey(collectionId, 1).encode(), new ChangeKey(collectionId, through + 1).encode());
            batch.put(db.family(Family.CHANGES), new ChangeKey(collectionId, 0).encode(), ByteBuffer.allocate(8).putLong(through).array());
            db.write(batch);
        } catch (RocksDBException e) {
            throw new StoreException("cannot trim the change log: " + e.getMessage(), e);
        }
    }
}
