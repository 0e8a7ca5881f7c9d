package io.facesearch.server.service;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.Compaction;
import io.facesearch.store.StorageBackend;
import io.facesearch.store.StoredCollection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open collections of a {@link StorageBackend}, by name: creates and deletes them, and makes
 * sure no operation uses a collection while it is being deleted (see {@link OpenCollection#use}).
 * Keeping indexes fresh and durable is the backend's work.
 */
public final class CollectionRegistry implements AutoCloseable {
    private final StorageBackend backend;
    private final CollectionListener listener;
    private final Map<String, OpenCollection> open = new ConcurrentHashMap<>();

    public CollectionRegistry(StorageBackend backend, CollectionListener listener) {
        this.backend = backend;
        this.listener = listener;
        for (StoredCollection stored : backend.collections()) {
            opened(stored);
        }
    }

    private OpenCollection opened(StoredCollection stored) {
        OpenCollection collection = new OpenCollection(stored);
        open.put(stored.record().name(), collection);
        listener.opened(collection);
        return collection;
    }

    /** The open collection of that name; INVALID_ARGUMENT for a name no collection can have, NOT_FOUND for an unknown one. */
    public OpenCollection get(String name) {
        RequestLimits.collectionName(name);
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
        StoredCollection stored = backend.create(settings).orElseThrow(() -> new FaceSearchException(
                FaceSearchException.Kind.ALREADY_EXISTS, "collection '" + settings.name() + "' already exists"));
        return opened(stored);
    }

    /** Deletes a collection, its faces and its index; returns how many faces it had. */
    public synchronized long delete(String name) {
        OpenCollection collection = get(name);
        if (!collection.close()) {
            throw FaceSearchException.notFound("collection '" + name + "' was deleted");
        }
        open.remove(name);
        listener.closed(collection);
        return backend.delete(collection.stored());
    }

    /**
     * Physically drops deleted faces of a collection (see {@link StoredCollection#compact}); waits
     * up to {@code timeoutMillis} for its index to catch up first.
     */
    public Compaction compact(String name, int maxSegments, long timeoutMillis) {
        OpenCollection collection = get(name);
        return collection.use(() -> {
            try {
                return collection.stored().compact(maxSegments, timeoutMillis).orElseThrow(() -> new FaceSearchException(
                        FaceSearchException.Kind.RESOURCE_EXHAUSTED, "the index of collection '" + name + "' is "
                        + collection.indexLag() + " changes behind; retry the compaction once it has caught up"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED, "interrupted while compacting collection " + name);
            }
        });
    }

    /** Bytes of the backend's data, for metrics. */
    public long diskBytes() {
        return backend.diskBytes();
    }

    /** Refuses further operations on every collection, waiting for those in progress; the backend is closed by its owner. */
    @Override
    public synchronized void close() {
        for (OpenCollection c : open.values()) {
            c.close();
        }
        open.clear();
    }
}
