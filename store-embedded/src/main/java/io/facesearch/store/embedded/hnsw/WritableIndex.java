package io.facesearch.store.embedded.hnsw;

import io.facesearch.store.Neighbor;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * The embedded backend's own nearest-neighbour index over the embeddings of one collection, which
 * it writes itself (the seam's {@link io.facesearch.store.VectorIndex} only searches). It is
 * derived data: the database is the source of truth, the index records in each commit how much of
 * the collection's change log it reflects ({@link #appliedSequence()}), and it can always be
 * rebuilt.
 *
 * <p>Vectors are given raw, as enrolled; an implementation normalises them itself if its metric
 * needs it. Distances returned are always exact in the collection's metric, whatever the index
 * stores internally. Implementations are thread-safe.
 */
public interface WritableIndex extends Closeable {

    /** Adds the face, or replaces its vector if the id is already indexed. */
    void upsert(UUID faceId, float[] vector) throws IOException;

    /** Removes the face; a no-op if it is not indexed. */
    void delete(UUID faceId) throws IOException;

    /** Removes every face, for a rebuild. */
    void clear() throws IOException;

    /** Makes every change made so far visible to searches; blocks until it is. */
    void refresh() throws IOException;

    /**
     * The {@code k} nearest faces, nearest first, by the approximate index.
     *
     * @param query a raw vector of the collection's dimension
     */
    List<Neighbor> search(float[] query, int k) throws IOException;

    /** The {@code k} nearest faces, nearest first, comparing the query with every face. */
    List<Neighbor> searchExact(float[] query, int k) throws IOException;

    /** Faces visible to searches. */
    int size() throws IOException;

    /** Makes the index durable, recording that it reflects every change up to {@code appliedSequence}. */
    void commit(long appliedSequence) throws IOException;

    /** The sequence recorded by the last commit; -1 if there is none and the index must be rebuilt. */
    long appliedSequence();

    /** Bytes the index occupies on disk (0 for an in-memory index). */
    long sizeOnDiskBytes() throws IOException;

    /**
     * Rewrites the index without the data of deleted faces, so it is gone from disk, not only
     * from results; with {@code maxSegments > 0}, also merges into at most that many segments.
     * Changes become durable at the next {@link #commit}.
     */
    void compact(int maxSegments) throws IOException;

    /** Independently searched parts of the index (1 for an index that is not segmented). */
    int segmentCount() throws IOException;
}
