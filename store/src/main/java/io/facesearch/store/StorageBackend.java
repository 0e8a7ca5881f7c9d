package io.facesearch.store;

import io.facesearch.domain.CollectionRecord;
import java.util.List;
import java.util.Optional;

/**
 * Where collections live: opens those that exist, creates and deletes them, and keeps each
 * collection's {@link VectorIndex} in step with its {@link FaceStore} (in the background from a
 * change log, or at write time: the backend's choice). Found by name through a
 * {@link StorageBackendProvider}. Thread-safe; the caller makes sure no operation uses a
 * collection while it is deleted, and none uses the backend after {@link #close}.
 */
public interface StorageBackend extends AutoCloseable {

    /** Every collection, by name, open for use. */
    List<StoredCollection> collections();

    /**
     * Creates a collection unless the name is taken.
     *
     * @param settings the collection to create; its id and creation time are the backend's to assign
     * @return the new collection, or empty if one of that name exists
     */
    Optional<StoredCollection> create(CollectionRecord settings);

    /** Deletes a collection, its faces and its index, durably; returns how many faces it had. */
    long delete(StoredCollection collection);

    /** Bytes the backend's data occupies, or -1 when it cannot tell; for metrics. */
    long diskBytes();

    /** Makes everything durable and releases every resource (files, locks, threads). Idempotent. */
    @Override
    void close();
}
