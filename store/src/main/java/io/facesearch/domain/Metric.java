package io.facesearch.domain;

import io.facesearch.compare.DistanceMetric;
import io.facesearch.compare.MatchThreshold;

/**
 * How a collection compares embeddings. Backends store the code, so codes are never renumbered.
 * The distance maths is {@link DistanceMetric}'s, the same for the pipeline, the services and
 * every backend.
 */
public enum Metric {
    /** L2 distance between raw embeddings. */
    EUCLIDEAN(1, DistanceMetric.EUCLIDEAN),
    /** 1 - cosine similarity, in [0, 2]. */
    COSINE(2, DistanceMetric.COSINE);

    private final int code;
    private final DistanceMetric distanceMetric;

    Metric(int code, DistanceMetric distanceMetric) {
        this.code = code;
        this.distanceMetric = distanceMetric;
    }

    public int code() {
        return code;
    }

    /** The distance this metric computes, as the pipeline names it. */
    public DistanceMetric distanceMetric() {
        return distanceMetric;
    }

    /** The pipeline's calibrated decision threshold for this metric ({@link MatchThreshold#defaultFor}). */
    public float defaultThreshold() {
        return (float) MatchThreshold.defaultFor(distanceMetric).threshold();
    }

    /**
     * The decision rule and similarity scale at {@code threshold}: the pipeline's own
     * {@link MatchThreshold}, so the server and the library agree on every similarity and match.
     */
    public MatchThreshold threshold(double threshold) {
        return new MatchThreshold(distanceMetric, threshold);
    }

    public static Metric fromCode(int code) {
        for (Metric m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric code " + code);
    }

    /** The distance between two vectors of equal length in this metric ({@link DistanceMetric#distance}). */
    public float distance(float[] a, float[] b) {
        return (float) distanceMetric.distance(a, b);
    }
}
