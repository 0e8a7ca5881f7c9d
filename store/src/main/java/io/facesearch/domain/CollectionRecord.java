package io.facesearch.domain;

import java.time.Instant;

/**
 * A collection's settings: its name, the id its backend gave it (never reused, so tokens and
 * data of a deleted collection never match a new one of the same name), how it compares
 * embeddings, which model's embeddings it holds, and how it decides who a face is and which faces
 * it accepts.
 *
 * @param threshold the 1:1 distance threshold (verification, face-level matches)
 * @param targetFpir the false positive identification rate its searches are set for, in (0, 1)
 * @param quality the enrolment quality thresholds; null for the server's own settings (collections
 *     created before collections had their own)
 */
public record CollectionRecord(
        String name,
        long id,
        Metric metric,
        float threshold,
        IndexFormat indexFormat,
        int dimension,
        Instant created,
        String modelId,
        double targetFpir,
        QualityThresholds quality) {

    public CollectionRecord {
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("embedding dimension must be in [1, 4096], got " + dimension);
        }
        if (!(threshold > 0) || Float.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + threshold);
        }
        if (!(targetFpir > 0 && targetFpir < 1)) {
            throw new IllegalArgumentException("target FPIR must be in (0, 1), got " + targetFpir);
        }
    }

    /** The same settings with the id and creation time a backend assigns. */
    public CollectionRecord assigned(long assignedId, Instant assignedCreated) {
        return new CollectionRecord(name, assignedId, metric, threshold, indexFormat, dimension, assignedCreated, modelId,
                targetFpir, quality);
    }
}
