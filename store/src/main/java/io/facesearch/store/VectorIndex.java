package io.facesearch.store;

import java.util.List;

/**
 * Nearest-neighbour search over the embeddings of one collection, kept in step with its
 * {@link FaceStore} by the backend. Queries are raw vectors of the collection's dimension;
 * distances returned are exact in the collection's metric, nearest first. Implementations are
 * thread-safe.
 */
public interface VectorIndex {

    /** The {@code k} nearest faces by the approximate index. */
    List<Neighbor> search(float[] query, int k);

    /**
     * The {@code k} nearest faces by comparing the query with every stored face of the truth, not
     * the approximate index: the reference an audit compares {@link #search} with.
     */
    List<Neighbor> searchExact(float[] query, int k);

    /** Faces visible to {@link #search}. */
    long size();

    /** Acknowledged changes not yet visible to {@link #search}; 0 for a backend that indexes at write time. */
    long lag();

    /** Bytes the index occupies on disk, or 0 when the backend cannot tell. */
    long sizeOnDiskBytes();
}
