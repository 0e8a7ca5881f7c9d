package io.facesearch.store.embedded.rocks;

import io.facesearch.domain.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.UInt64AddOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance under {@code <data>/db} with the column families of {@link Family}. It is
 * the source of truth: search indexes are derived from it. Every write is synced to the
 * write-ahead log before it returns, so a caller may acknowledge as soon as {@link #write} does.
 */
public final class RocksDatabase implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final DBOptions dbOptions;
    private final BloomFilter bloom;
    private final ColumnFamilyOptions familyOptions;
    private final ColumnFamilyOptions counterOptions;
    private final UInt64AddOperator addOperator;
    private final WriteOptions syncWrites;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Map<Family, ColumnFamilyHandle> families = new EnumMap<>(Family.class);

    private RocksDatabase(Path dir) throws RocksDBException {
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                // Background flushes and compactions; two cores on the reference machine.
                .setMaxBackgroundJobs(2);
        // Every enrolment looks up keys that are usually absent (its request id, a new subject):
        // a Bloom filter answers those without reading data blocks. 10 bits per key: ~1 % false
        // positives for ~1.2 bytes per key of filter.
        bloom = new BloomFilter(10, false);
        familyOptions = new ColumnFamilyOptions().setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom));
        addOperator = new UInt64AddOperator();
        counterOptions = new ColumnFamilyOptions().setMergeOperator(addOperator);
        syncWrites = new WriteOptions().setSync(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (Family f : Family.values()) {
            descriptors.add(new ColumnFamilyDescriptor(f.nameBytes(), f == Family.COUNTERS ? counterOptions : familyOptions));
        }
        db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
        for (Family f : Family.values()) {
            families.put(f, handles.get(f.ordinal()));
        }
    }

    /** Opens (creating if needed) the database in {@code dir}. */
    public static RocksDatabase open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new RocksDatabase(dir);
        } catch (RocksDBException | java.io.IOException e) {
            throw new StoreException("cannot open the database in " + dir + ": " + e.getMessage(), e);
        }
    }

    ColumnFamilyHandle family(Family f) {
        return families.get(f);
    }

    /** Applies the batch atomically and syncs the write-ahead log before returning. */
    void write(WriteBatch batch) {
        try {
            db.write(syncWrites, batch);
        } catch (RocksDBException e) {
            throw new StoreException("write failed: " + e.getMessage(), e);
        }
    }

    byte[] get(Family f, byte[] key) {
        try {
            return db.get(family(f), key);
        } catch (RocksDBException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        }
    }

    /** Values for many keys of one family, in key order of the argument; null where absent. */
    List<byte[]> multiGet(Family f, List<byte[]> keys) {
        try {
            List<ColumnFamilyHandle> fams = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                fams.add(family(f));
            }
            return db.multiGetAsList(fams, keys);
        } catch (RocksDBException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Iterates keys in [{@code from}, {@code to}) of one family. The caller closes the returned
     * cursor, which closes the iterator and its bounds.
     */
    Cursor scan(Family f, byte[] from, byte[] to) {
        Slice upper = new Slice(to);
        ReadOptions options = new ReadOptions().setIterateUpperBound(upper);
        RocksIterator it = db.newIterator(family(f), options);
        it.seek(from);
        return new Cursor(it, options, upper);
    }

    /** The last key in [{@code from}, {@code to}) of one family, or null. */
    byte[] lastKey(Family f, byte[] from, byte[] to) {
        try (Slice lower = new Slice(from);
                Slice upper = new Slice(to);
                ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
                RocksIterator it = db.newIterator(family(f), options)) {
            it.seekToLast();
            return it.isValid() ? it.key() : null;
        }
    }

    /** Asks RocksDB to rewrite a key range now, dropping tombstones and the values they hide. */
    void compact(Family f, byte[] from, byte[] to) {
        try {
            db.compactRange(family(f), from, to);
        } catch (RocksDBException e) {
            throw new StoreException("compaction failed: " + e.getMessage(), e);
        }
    }

    /** Flushes every family's memtable to SST files and waits, so older WAL files can be deleted. */
    void flushAll() {
        try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
            db.flush(options, handles);
        } catch (RocksDBException e) {
            throw new StoreException("flush failed: " + e.getMessage(), e);
        }
    }

    /** Bytes of live SST files, for metrics. */
    long liveDataBytes() {
        try {
            long total = 0;
            for (ColumnFamilyHandle h : handles) {
                total += Long.parseLong(db.getProperty(h, "rocksdb.live-sst-files-size"));
            }
            return total;
        } catch (RocksDBException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            // Every write was synced already; this only flushes what a failed write left behind.
        }
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        syncWrites.close();
        familyOptions.close();
        bloom.close();
        counterOptions.close();
        addOperator.close();
        dbOptions.close();
    }

    /** A forward iterator over a key range; close it. */
    static final class Cursor implements AutoCloseable {
        private final RocksIterator it;
        private final ReadOptions options;
        private final Slice upper;

        private Cursor(RocksIterator it, ReadOptions options, Slice upper) {
            this.it = it;
            this.options = options;
            this.upper = upper;
        }

        boolean valid() {
            return it.isValid();
        }

        byte[] key() {
            return it.key();
        }

        byte[] value() {
            return it.value();
        }

        void next() {
            it.next();
        }

        void seek(byte[] key) {
            it.seek(key);
        }

        @Override
        public void close() {
            it.close();
            options.close();
            upper.close();
        }
    }
}
