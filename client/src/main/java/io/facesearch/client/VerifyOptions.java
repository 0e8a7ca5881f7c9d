package io.facesearch.client;

/**
 * Where and how a verification decides.
 *
 * @param collection the collection enrolled references live in, whose metric and threshold apply;
 *     empty when both sides are photos or embeddings
 * @param metric the metric when there is no collection; null means EUCLIDEAN
 * @param threshold the decision threshold; 0 means the collection's, or the metric's default
 * @param modelId the model that computed the embedding sides, empty when not named; when set it must
 *     be the collection's, or the server pipeline's when a side is a photo. It lets the server report
 *     the false-accept rate of two embeddings compared without a collection
 */
public record VerifyOptions(String collection, Metric metric, float threshold, String modelId) {

    /** No collection: Euclidean distance at its default threshold. */
    public static final VerifyOptions DEFAULT = new VerifyOptions("", null, 0);

    public VerifyOptions {
        collection = collection == null ? "" : collection;
        modelId = modelId == null ? "" : modelId;
    }

    /** Options that name no model. */
    public VerifyOptions(String collection, Metric metric, float threshold) {
        this(collection, metric, threshold, "");
    }

    public static VerifyOptions inCollection(String collection) {
        return new VerifyOptions(collection, null, 0);
    }

    public VerifyOptions withMetric(Metric m) {
        return new VerifyOptions(collection, m, threshold, modelId);
    }

    public VerifyOptions withThreshold(float t) {
        return new VerifyOptions(collection, metric, t, modelId);
    }

    public VerifyOptions withModelId(String id) {
        return new VerifyOptions(collection, metric, threshold, id);
    }
}
