package io.facesearch.domain;

import java.time.Instant;

/**
 * A collection's settings: its name, the id its backend gave it (never reused, so tokens and
 * data of a deleted collection never match a new one of the same name), how it compares
 * embeddings, and which model's embeddings it holds.
 */
public record CollectionRecord(
        String name,
        long id,
        Metric metric,
        float threshold,
        IndexFormat indexFormat,
        int dimension,
        Instant created,
        String modelId) {

    public CollectionRecord {
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("embedding dimension must be in [1, 4096], got " + dimension);
        }
        if (!(threshold > 0) || Float.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + threshold);
        }
    }
}
