package io.facesearch.store;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.Compaction;
import java.util.Optional;

/** One collection of a {@link StorageBackend}: its settings, its faces and its index. */
public interface StoredCollection {

    CollectionRecord record();

    FaceStore faces();

    VectorIndex index();

    /**
     * Drops deleted data physically (not only from results): waits up to {@code timeoutMillis}
     * for the index to hold every acknowledged change, then rewrites what holds deleted data.
     *
     * @param maxSegments 0 to rewrite only what holds deletions, or the most index segments to keep
     * @return what it did, or empty if the index did not catch up in time (nothing was done)
     */
    Optional<Compaction> compact(int maxSegments, long timeoutMillis) throws InterruptedException;
}
