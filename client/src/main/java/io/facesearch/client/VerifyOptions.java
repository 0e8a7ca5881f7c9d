package io.facesearch.client;

/**
 * Where and how a verification decides.
 *
 * @param collection the collection enrolled references live in, whose metric and threshold apply;
 *     empty when both sides are photos or embeddings
 * @param metric the metric when there is no collection; null means EUCLIDEAN
 * @param threshold the decision threshold; 0 means the collection's, or the metric's default
 */
public record VerifyOptions(String collection, Metric metric, float threshold) {

    /** No collection: Euclidean distance at its default threshold. */
    public static final VerifyOptions DEFAULT = new VerifyOptions("", null, 0);

    public VerifyOptions {
        collection = collection == null ? "" : collection;
    }

    public static VerifyOptions inCollection(String collection) {
        return new VerifyOptions(collection, null, 0);
    }

    public VerifyOptions withMetric(Metric m) {
        return new VerifyOptions(collection, m, threshold);
    }

    public VerifyOptions withThreshold(float t) {
        return new VerifyOptions(collection, metric, t);
    }
}
