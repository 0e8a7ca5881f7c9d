package io.facesearch.server.service;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.store.FaceStore;
import io.facesearch.store.StoredCollection;
import io.facesearch.store.VectorIndex;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A collection that is open for business: its settings, its faces and its index, as its storage
 * backend gives them. Every operation runs under the read lock via {@link #use}; deleting the
 * collection takes the write lock, so it waits for operations in progress and later ones see it
 * closed.
 */
public final class OpenCollection {
    private final StoredCollection stored;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    OpenCollection(StoredCollection stored) {
        this.stored = stored;
    }

    public CollectionRecord record() {
        return stored.record();
    }

    public FaceStore store() {
        return stored.faces();
    }

    public VectorIndex index() {
        return stored.index();
    }

    StoredCollection stored() {
        return stored;
    }

    /** Runs an operation while the collection cannot be deleted; NOT_FOUND if it already was. */
    public <T> T use(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw FaceSearchException.notFound("collection '" + record().name() + "' was deleted");
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

    /** Changes acknowledged but not yet searchable. */
    public long indexLag() {
        return stored.index().lag();
    }
}
