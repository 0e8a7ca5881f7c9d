package io.facesearch.store.embedded;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.store.StorageBackend;
import io.facesearch.store.StoredCollection;
import io.facesearch.store.embedded.hnsw.HnswIndex;
import io.facesearch.store.embedded.hnsw.WritableIndex;
import io.facesearch.store.embedded.rocks.CollectionStore;
import io.facesearch.store.embedded.rocks.RocksDatabase;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocksDB under {@code <data>/db} (the truth) and one Lucene HNSW index per collection under
 * {@code <data>/index/<collection id>} (derived). Opening catches every index up with the database
 * ({@link IndexRecovery}) and starts its {@link IndexFeeder}; background work keeps indexes fresh
 * (a refresh every {@code refresh.ms}, so new faces are searchable within it) and durable (a commit
 * every {@code commit.ms}, which also trims the change log).
 */
final class EmbeddedBackend implements StorageBackend {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBackend.class);

    private final RocksDatabase database;
    private final CollectionStore collections;
    private final Path indexRoot;
    private final EmbeddedSettings settings;
    private final Map<String, EmbeddedCollection> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService maintenance;
    private boolean closed;

    private EmbeddedBackend(RocksDatabase database, Path indexRoot, EmbeddedSettings settings, Clock clock) {
        this.database = database;
        this.collections = new CollectionStore(database, clock);
        this.indexRoot = indexRoot;
        this.settings = settings;
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-maintenance");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the database and every collection's index; on failure, releases what it opened and throws. */
    static EmbeddedBackend open(Path dataDir, EmbeddedSettings settings, Clock clock) {
        RocksDatabase database = RocksDatabase.open(dataDir.resolve("db"));
        EmbeddedBackend backend = new EmbeddedBackend(database, dataDir.resolve("index"), settings, clock);
        try {
            backend.openAll();
            return backend;
        } catch (IOException | RuntimeException e) {
            backend.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot open the indexes under " + dataDir.resolve("index"), io);
            }
            throw (RuntimeException) e;
        }
    }

    private void openAll() throws IOException {
        Files.createDirectories(indexRoot);
        for (CollectionRecord record : collections.list()) {
            openCollection(record);
        }
        removeOrphanIndexes();
        long refresh = settings.refreshInterval().toMillis();
        long commit = settings.commitInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::refreshAll, refresh, refresh, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::commitAll, commit, commit, TimeUnit.MILLISECONDS);
    }

    private EmbeddedCollection openCollection(CollectionRecord record) throws IOException {
        RocksFaceStore store = collections.faces(record);
        WritableIndex index = new HnswIndex(indexDir(record), record.metric(), record.indexFormat(), record.dimension(), settings.hnsw());
        try {
            IndexRecovery.Outcome outcome = IndexRecovery.recover(store, index);
            if (outcome != IndexRecovery.Outcome.UP_TO_DATE) {
                LOG.info("collection={} index={} faces={}", record.name(), outcome.name().toLowerCase(), store.faceCount());
            }
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        EmbeddedCollection collection = new EmbeddedCollection(record, store, index,
                new IndexFeeder(record.name(), store, index, settings.maxIndexLag()));
        open.put(record.name(), collection);
        return collection;
    }

    private Path indexDir(CollectionRecord record) {
        return indexRoot.resolve(Long.toString(record.id()));
    }

    /** An index directory whose collection is gone: a delete that crashed before removing it. */
    private void removeOrphanIndexes() throws IOException {
        Set<String> live = new HashSet<>();
        open.values().forEach(c -> live.add(Long.toString(c.record().id())));
        try (Stream<Path> dirs = Files.list(indexRoot)) {
            for (Path dir : dirs.toList()) {
                if (!live.contains(dir.getFileName().toString())) {
                    deleteTree(dir);
                }
            }
        }
    }

    @Override
    public List<StoredCollection> collections() {
        List<StoredCollection> all = new ArrayList<>(open.values());
        all.sort(Comparator.comparing(c -> c.record().name()));
        return all;
    }

    @Override
    public synchronized Optional<StoredCollection> create(CollectionRecord settings) {
        Optional<CollectionRecord> record = collections.create(settings);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(openCollection(record.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index of collection " + settings.name(), e);
        }
    }

    @Override
    public synchronized long delete(StoredCollection stored) {
        EmbeddedCollection collection = open.remove(stored.record().name());
        if (collection == null) {
            return 0;
        }
        collection.stopFeeding();
        long faces = collection.faces().faceCount();
        collections.delete(collection.record());
        try {
            collection.closeIndex();
            deleteTree(indexDir(collection.record()));
        } catch (IOException e) {
            // The database no longer has the collection; the directory goes at the next start.
            LOG.warn("cannot remove the index of deleted collection {}", collection.record().name(), e);
        }
        return faces;
    }

    @Override
    public long diskBytes() {
        return collections.diskBytes();
    }

    private void refreshAll() {
        for (EmbeddedCollection c : open.values()) {
            try {
                c.refreshOnSchedule();
            } catch (IOException | RuntimeException e) {
                LOG.warn("refresh failed for collection {}", c.record().name(), e);
            }
        }
    }

    /** Commits every index at its feeder's position. */
    void commitAll() {
        for (EmbeddedCollection c : open.values()) {
            try {
                c.commit();
            } catch (IOException | RuntimeException e) {
                LOG.warn("commit failed for collection {}", c.record().name(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Not shutdownNow: an interrupt closes the NIO channels of a Lucene thread mid-write, which
        // leaves its IndexWriter unusable.
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (EmbeddedCollection c : open.values()) {
            c.stopFeeding();
        }
        commitAll();
        for (EmbeddedCollection c : open.values()) {
            try {
                c.closeIndex();
            } catch (IOException e) {
                LOG.warn("cannot close the index of {}", c.record().name(), e);
            }
        }
        open.clear();
        database.close();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
