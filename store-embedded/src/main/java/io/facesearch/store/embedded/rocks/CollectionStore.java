package io.facesearch.store.embedded.rocks;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The collections of the database (column family {@code collections}, name -> {@link CollectionValue})
 * and the entry point to each one's {@link RocksFaceStore}. Collection ids come from the u64 under key
 * {@code "collection-id"} of family {@code meta}, incremented in the same batch that creates the
 * collection, so an id is never reused, even after the collection is deleted.
 */
public final class CollectionStore {
    private static final byte[] COLLECTION_ID_KEY = "collection-id".getBytes(StandardCharsets.UTF_8);

    private final RocksDatabase db;
    private final KeyLocks locks = new KeyLocks();
    private final Clock clock;

    public CollectionStore(RocksDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Creates a collection unless the name is taken.
     *
     * @param settings the record to store; its id and creation time are replaced
     * @return the stored record, or empty if a collection of that name exists
     */
    public synchronized Optional<CollectionRecord> create(CollectionRecord settings) {
        byte[] nameKey = settings.name().getBytes(StandardCharsets.UTF_8);
        if (db.get(Family.COLLECTIONS, nameKey) != null) {
            return Optional.empty();
        }
        byte[] lastId = db.get(Family.META, COLLECTION_ID_KEY);
        long id = (lastId == null ? 0 : ByteBuffer.wrap(lastId).getLong()) + 1;
        CollectionRecord record = settings.assigned(id, clock.instant());
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(db.family(Family.META), COLLECTION_ID_KEY, ByteBuffer.allocate(8).putLong(id).array());
            batch.put(db.family(Family.COLLECTIONS), nameKey, CollectionValue.encode(record));
            db.write(batch);
        } catch (RocksDBException e) {
            throw new StoreException("cannot create collection " + settings.name() + ": " + e.getMessage(), e);
        }
        return Optional.of(record);
    }

    public Optional<CollectionRecord> get(String name) {
        byte[] value = db.get(Family.COLLECTIONS, name.getBytes(StandardCharsets.UTF_8));
        return value == null ? Optional.empty() : Optional.of(CollectionValue.decode(name, value));
    }

    /** Every collection, by name. */
    public List<CollectionRecord> list() {
        List<CollectionRecord> records = new ArrayList<>();
        try (RocksDatabase.Cursor c = db.scan(Family.COLLECTIONS, new byte[0], new byte[] {(byte) 0xFF, (byte) 0xFF})) {
            for (; c.valid(); c.next()) {
                records.add(CollectionValue.decode(new String(c.key(), StandardCharsets.UTF_8), c.value()));
            }
        }
        return records;
    }

    /**
     * Deletes a collection's record and every key it owns, in one synced batch of range deletes.
     * The caller must have stopped all writes to it first.
     */
    public synchronized void delete(CollectionRecord record) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.delete(db.family(Family.COLLECTIONS), record.name().getBytes(StandardCharsets.UTF_8));
            for (Family f : Family.collectionScoped()) {
                batch.deleteRange(db.family(f), ByteLayout.collectionPrefix(record.id()), ByteLayout.collectionEnd(record.id()));
            }
            db.write(batch);
        } catch (RocksDBException e) {
            throw new StoreException("cannot delete collection " + record.name() + ": " + e.getMessage(), e);
        }
    }

    /** The faces of a collection; one instance per open collection, since it owns the change log. */
    public RocksFaceStore faces(CollectionRecord record) {
        return new RocksFaceStore(db, locks, record.id(), clock);
    }

    /** Bytes of the database's live files, for metrics. */
    public long diskBytes() {
        return db.liveDataBytes();
    }
}
