package io.facesearch.compare;

/**
 * A decision threshold for a metric and the map from distance to a similarity percentage.
 *
 * <p>Similarity is {@code 100 / (1 + exp((d - t) / (t / 10)))}: exactly 50 at the threshold, above 50
 * for a match, near 100 for identical faces and near 0 far past the threshold, so that it reads like
 * the probability of a match. The slope (a tenth of the threshold) puts typical same-person pairs
 * above 95 % and typical different-person pairs below 5 %.
 */
public record MatchThreshold(DistanceMetric metric, double threshold) {

    /**
     * Calibrated on LFW's DevTrain pairs for the default pipeline (dlib chip with mirror averaging),
     * see docs/accuracy.md. face-api's own default for its crop is 0.6.
     */
    public static final MatchThreshold DEFAULT_EUCLIDEAN = new MatchThreshold(DistanceMetric.EUCLIDEAN, 0.6);
    /** The cosine threshold calibrated on the same pairs. */
    public static final MatchThreshold DEFAULT_COSINE = new MatchThreshold(DistanceMetric.COSINE, 0.18);

    public MatchThreshold {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, got " + threshold);
        }
    }

    public static MatchThreshold defaultFor(DistanceMetric metric) {
        return metric == DistanceMetric.EUCLIDEAN ? DEFAULT_EUCLIDEAN : DEFAULT_COSINE;
    }

    /** Strictly below the threshold is a match (face-api's FaceMatcher uses strict {@code <}). */
    public boolean matches(double distance) {
        return distance < threshold;
    }

    public double similarityPercent(double distance) {
        double slope = threshold / 10;
        return 100 / (1 + Math.exp((distance - threshold) / slope));
    }
}
