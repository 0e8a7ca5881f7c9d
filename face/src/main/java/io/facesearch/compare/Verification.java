package io.facesearch.compare;

import io.facesearch.face.Embedding;

/** The answer to "same person?" for two faces. */
public record Verification(double distance, double similarity, boolean match, double threshold,
        DistanceMetric metric) {

    public static Verification of(Embedding a, Embedding b, MatchThreshold threshold) {
        double d = threshold.metric().distance(a, b);
        return new Verification(d, threshold.similarityPercent(d), threshold.matches(d), threshold.threshold(),
                threshold.metric());
    }
}
