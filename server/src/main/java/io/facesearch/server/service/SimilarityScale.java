package io.facesearch.server.service;

/**
 * Turns a distance into a similarity percentage that people can read: 100 for identical faces,
 * exactly 50 at the decision threshold, falling towards 0 beyond it. The map is logistic in the
 * distance relative to the threshold:
 *
 * <pre>similarity = 100 / (1 + exp(STEEPNESS * (distance / threshold - 1)))</pre>
 *
 * so it depends only on how far past or short of the threshold a pair is, whatever the metric.
 * With STEEPNESS 8: distance 0 -> 99.97, half the threshold -> 98.2, the threshold -> 50,
 * 1.5 x threshold -> 1.8, twice the threshold -> 0.03.
 */
public final class SimilarityScale {
    /**
     * Chosen so that the range that matters for decisions (0.5 to 1.5 times the threshold) spans
     * nearly the whole scale, while distances far from it saturate near 0 or 100.
     */
    static final double STEEPNESS = 8;

    private SimilarityScale() {
    }

    /** The similarity percentage in [0, 100] of a distance, for a positive threshold. */
    public static float similarity(double distance, double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        return (float) (100 / (1 + Math.exp(STEEPNESS * (distance / threshold - 1))));
    }
}
