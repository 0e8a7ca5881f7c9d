package io.facesearch.client;

/** How a collection's nearest-neighbour index stores its vectors; fixed for the life of a collection. */
public enum IndexFormat {
    /** HNSW graph over 32-bit floats: best recall. The server's default. */
    HNSW_FLOAT32,
    /** HNSW graph over 8-bit quantised vectors re-ranked with the exact ones: a quarter of the memory. */
    HNSW_INT8
}
