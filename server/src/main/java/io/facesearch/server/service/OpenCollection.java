package io.facesearch.server.service;

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
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A collection that is open for business: its settings, its faces in the database and its index.
 * Every operation runs under the read lock via {@link #use}; deleting the collection takes the
 * write lock, so it waits for operations in progress and later ones see it closed.
 */
public final class OpenCollection {
    private final CollectionRecord record;
    private final FaceStore store;
    private final VectorIndex index;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    OpenCollection(CollectionRecord record, FaceStore store, VectorIndex index) {
        this.record = record;
        this.store = store;
        this.index = index;
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
     * Adds freshly stored faces to the index, then marks their changes complete. On failure the
     * changes stay incomplete, so the index never commits past them and the next start replays them.
     */
    void indexEnrolled(Written<List<Enrolled>> written) {
        try {
            for (Enrolled e : written.value()) {
                if (!e.replayed()) {
                    for (StoredFace face : e.faces()) {
                        index.upsert(face.faceId(), face.embedding());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index update failed; the faces are stored and will be indexed on restart", e);
        }
        store.changeLog().complete(written.sequences());
    }

    /** Removes deleted faces from the index and refreshes it, so they vanish from search before the reply. */
    void indexDeleted(Written<Deleted> written) {
        try {
            for (StoredFace face : written.value().faces()) {
                index.delete(face.faceId());
            }
            if (!written.value().faces().isEmpty()) {
                index.refresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index delete failed; the faces are deleted from the store and will leave the index on restart", e);
        }
        store.changeLog().complete(written.sequences());
    }

    /** Commits the index at the change-log watermark and trims the log up to it. */
    void commit() throws IOException {
        long watermark = store.changeLog().watermark();
        if (watermark != index.appliedSequence()) {
            index.commit(watermark);
            store.changeLog().trimThrough(watermark);
        }
    }
}
