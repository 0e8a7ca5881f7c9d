package io.facesearch.client;

/** How two embeddings are compared; fixed for the life of a collection. */
public enum Metric {
    /** Euclidean (L2) distance, in [0, +inf). The server's default; default threshold 0.6. */
    EUCLIDEAN,
    /** Cosine distance (1 - cosine similarity), in [0, 2]; default threshold 0.09. */
    COSINE
}
