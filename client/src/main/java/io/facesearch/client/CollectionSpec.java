package io.facesearch.client;

import java.util.Objects;

/**
 * What to create: a collection's name and settings. Unset settings (null or 0) take the server's
 * defaults. Start from {@link #named(String)}:
 * {@code CollectionSpec.named("staff").withMetric(Metric.COSINE).withTargetFpir(0.001)}.
 *
 * @param name 1-128 characters of [A-Za-z0-9._-]
 * @param metric the comparison metric, or null for the server's default (EUCLIDEAN)
 * @param threshold the default decision threshold (a distance), or 0 for the metric's default
 * @param indexFormat the index format, or null for the server's default (HNSW_FLOAT32)
 * @param modelId the model of the embeddings, or empty for the server's face pipeline; set it
 *     for collections fed only with precomputed embeddings of a known model
 * @param embeddingDimension the embedding length, or 0 for the model's
 * @param targetFpir the false positive identification rate searches are set for, in (0, 1), or 0 for
 *     the server's default (0.01: one person in a hundred who is not enrolled may be identified as
 *     someone); a search may override it ({@link SearchOptions#withTargetFpir(double)})
 * @param quality the quality a face must have to be enrolled from a photo; each threshold left null
 *     is the server's {@code quality.*} setting, and with none set the collection follows the
 *     server's settings
 */
public record CollectionSpec(String name, Metric metric, float threshold, IndexFormat indexFormat, String modelId,
        int embeddingDimension, double targetFpir, QualitySettings quality) {

    public CollectionSpec {
        Objects.requireNonNull(name, "name");
        modelId = modelId == null ? "" : modelId;
        quality = quality == null ? QualitySettings.SERVER_DEFAULTS : quality;
    }

    /** A spec with the server's target FPIR and quality settings. */
    public CollectionSpec(String name, Metric metric, float threshold, IndexFormat indexFormat, String modelId,
            int embeddingDimension) {
        this(name, metric, threshold, indexFormat, modelId, embeddingDimension, 0, QualitySettings.SERVER_DEFAULTS);
    }

    public static CollectionSpec named(String name) {
        return new CollectionSpec(name, null, 0, null, "", 0);
    }

    public CollectionSpec withMetric(Metric m) {
        return new CollectionSpec(name, m, threshold, indexFormat, modelId, embeddingDimension, targetFpir, quality);
    }

    public CollectionSpec withThreshold(float t) {
        return new CollectionSpec(name, metric, t, indexFormat, modelId, embeddingDimension, targetFpir, quality);
    }

    public CollectionSpec withIndexFormat(IndexFormat f) {
        return new CollectionSpec(name, metric, threshold, f, modelId, embeddingDimension, targetFpir, quality);
    }

    public CollectionSpec withModelId(String id) {
        return new CollectionSpec(name, metric, threshold, indexFormat, id, embeddingDimension, targetFpir, quality);
    }

    public CollectionSpec withEmbeddingDimension(int dimension) {
        return new CollectionSpec(name, metric, threshold, indexFormat, modelId, dimension, targetFpir, quality);
    }

    public CollectionSpec withTargetFpir(double rate) {
        return new CollectionSpec(name, metric, threshold, indexFormat, modelId, embeddingDimension, rate, quality);
    }

    public CollectionSpec withQuality(QualitySettings q) {
        return new CollectionSpec(name, metric, threshold, indexFormat, modelId, embeddingDimension, targetFpir, q);
    }
}
