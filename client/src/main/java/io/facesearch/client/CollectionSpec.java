package io.facesearch.client;

import java.util.Objects;

/**
 * What to create: a collection's name and settings. Unset settings (null or 0) take the server's
 * defaults. Start from {@link #named(String)}:
 * {@code CollectionSpec.named("staff").withMetric(Metric.COSINE)}.
 *
 * @param name 1-128 characters of [A-Za-z0-9._-]
 * @param metric the comparison metric, or null for the server's default (EUCLIDEAN)
 * @param threshold the default decision threshold (a distance), or 0 for the metric's default
 * @param indexFormat the index format, or null for the server's default (HNSW_FLOAT32)
 * @param modelId the model of the embeddings, or empty for the server's face pipeline; set it
 *     for collections fed only with precomputed embeddings of a known model
 * @param embeddingDimension the embedding length, or 0 for the model's
 */
public record CollectionSpec(String name, Metric metric, float threshold, IndexFormat indexFormat, String modelId,
        int embeddingDimension) {

    public CollectionSpec {
        Objects.requireNonNull(name, "name");
        modelId = modelId == null ? "" : modelId;
    }

    public static CollectionSpec named(String name) {
        return new CollectionSpec(name, null, 0, null, "", 0);
    }

    public CollectionSpec withMetric(Metric m) {
        return new CollectionSpec(name, m, threshold, indexFormat, modelId, embeddingDimension);
    }

    public CollectionSpec withThreshold(float t) {
        return new CollectionSpec(name, metric, t, indexFormat, modelId, embeddingDimension);
    }

    public CollectionSpec withIndexFormat(IndexFormat f) {
        return new CollectionSpec(name, metric, threshold, f, modelId, embeddingDimension);
    }

    public CollectionSpec withModelId(String id) {
        return new CollectionSpec(name, metric, threshold, indexFormat, id, embeddingDimension);
    }

    public CollectionSpec withEmbeddingDimension(int dimension) {
        return new CollectionSpec(name, metric, threshold, indexFormat, modelId, dimension);
    }
}
