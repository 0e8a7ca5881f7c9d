package io.facesearch.server.service;

import io.facesearch.server.index.HnswIndex;
import io.facesearch.server.index.HnswSettings;
import io.facesearch.server.index.IndexFeeder;
import io.facesearch.server.index.IndexRecovery;
import io.facesearch.server.index.VectorIndex;
import io.facesearch.server.store.CollectionRecord;
import io.facesearch.server.store.CollectionStore;
import io.facesearch.server.store.FaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The open collections: opens each one's index at start (catching it up with the database),
 * creates and deletes collections, and runs the background work that keeps indexes fresh
 * (a refresh every {@code refreshInterval}, so new faces are searchable within it) and durable
 * (a commit every {@code commitInterval}, which also trims the change log).
 * Index directories live under {@code <indexRoot>/<collection id>}.
 */
public final class CollectionRegistry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CollectionRegistry.class.getName());

    private final CollectionStore collections;
    private final Path indexRoot;
    private final HnswSettings hnsw;
    private final long maxIndexLag;
    private final CollectionListener listener;
    private final Map<String, OpenCollection> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService maintenance;

    /**
     * @param maxIndexLag how many acknowledged changes a collection's index may be behind before
     *     writers wait for it (see {@link IndexFeeder})
     */
    public CollectionRegistry(CollectionStore collections, Path indexRoot, HnswSettings hnsw,
            Duration refreshInterval, Duration commitInterval, long maxIndexLag, CollectionListener listener) {
        this.collections = collections;
        this.indexRoot = indexRoot;
        this.hnsw = hnsw;
        this.maxIndexLag = maxIndexLag;
        this.listener = listener;
        try {
            Files.createDirectories(indexRoot);
            for (CollectionRecord record : collections.list()) {
                openCollection(record);
            }
            removeOrphanIndexes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the indexes under " + indexRoot, e);
        }
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::refreshAll, refreshInterval.toMillis(), refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::commitAll, commitInterval.toMillis(), commitInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private OpenCollection openCollection(CollectionRecord record) throws IOException {
        FaceStore store = collections.faces(record);
        VectorIndex index = new HnswIndex(indexRoot.resolve(Long.toString(record.id())), record.metric(),
                record.indexFormat(), record.dimension(), hnsw);
        IndexRecovery.Outcome outcome = IndexRecovery.recover(store, index);
        if (outcome != IndexRecovery.Outcome.UP_TO_DATE) {
            LOG.info(() -> "collection=" + record.name() + " index=" + outcome.name().toLowerCase() + " faces=" + store.faceCount());
        }
        OpenCollection collection = new OpenCollection(record, store, index,
                new IndexFeeder(record.name(), store, index, maxIndexLag));
        open.put(record.name(), collection);
        listener.opened(collection);
        return collection;
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

    public OpenCollection get(String name) {
        OpenCollection collection = open.get(name);
        if (collection == null) {
            throw FaceSearchException.notFound("collection '" + name + "' does not exist; create it first or check ListCollections");
        }
        return collection;
    }

    /** Open collections by name. */
    public List<OpenCollection> all() {
        return open.values().stream().sorted(Comparator.comparing(c -> c.record().name())).toList();
    }

    public synchronized OpenCollection create(CollectionRecord settings) {
        CollectionRecord record = collections.create(settings).orElseThrow(() -> new FaceSearchException(
                FaceSearchException.Kind.ALREADY_EXISTS, "collection '" + settings.name() + "' already exists"));
        try {
            return openCollection(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index of collection " + record.name(), e);
        }
    }

    /** Deletes a collection, its faces and its index; returns how many faces it had. */
    public synchronized long delete(String name) {
        OpenCollection collection = get(name);
        if (!collection.close()) {
            throw FaceSearchException.notFound("collection '" + name + "' was deleted");
        }
        open.remove(name);
        listener.closed(collection);
        collection.stopFeeding();
        long faces = collection.store().faceCount();
        collections.delete(collection.record());
        try {
            collection.index().close();
            deleteTree(indexRoot.resolve(Long.toString(collection.record().id())));
        } catch (IOException e) {
            // The database no longer has the collection; the directory goes at the next start.
            LOG.log(Level.WARNING, "cannot remove the index of deleted collection " + name, e);
        }
        return faces;
    }

    /**
     * Compacts a collection (see {@link OpenCollection#compact}); waits up to {@code timeoutMillis}
     * for its index to catch up first.
     */
    public OpenCollection.Compaction compact(String name, int maxSegments, long timeoutMillis) {
        OpenCollection collection = get(name);
        return collection.use(() -> {
            try {
                return collection.compact(maxSegments, timeoutMillis);
            } catch (IOException e) {
                throw new UncheckedIOException("compaction of collection " + name + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED, "interrupted while compacting collection " + name);
            }
        });
    }

    private void refreshAll() {
        for (OpenCollection c : open.values()) {
            try {
                c.refreshOnSchedule();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "refresh failed for collection " + c.record().name(), e);
            }
        }
    }

    /** Commits every index at its watermark. */
    public void commitAll() {
        for (OpenCollection c : open.values()) {
            try {
                c.commit();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "commit failed for collection " + c.record().name(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        // Not shutdownNow: an interrupt closes the NIO channels of a Lucene thread mid-write, which
        // leaves its IndexWriter unusable.
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (OpenCollection c : open.values()) {
            c.stopFeeding();
        }
        commitAll();
        for (OpenCollection c : open.values()) {
            c.close();
            try {
                c.index().close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot close the index of " + c.record().name(), e);
            }
        }
        open.clear();
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
