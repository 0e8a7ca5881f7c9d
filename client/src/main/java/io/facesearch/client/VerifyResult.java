package io.facesearch.client;

import java.util.OptionalDouble;

/**
 * Whether two faces are the same person.
 *
 * @param distance the distance between them, in {@code metric}
 * @param similarity a percentage in [0, 100], 50 at the threshold
 * @param match true when {@code distance <= threshold}
 * @param threshold the threshold applied
 * @param metric the metric applied
 * @param matchedFaceId the enrolled face used when a side was a subject or a face; null otherwise
 * @param falseAcceptRate the false-accept rate of {@code threshold}: the fraction of pairs of two
 *     different people it takes for one person, measured on LFW impostor pairs for the default
 *     model with the euclidean metric; empty when the server measured none for this model and metric
 *     (or predates the figure)
 * @param falseAcceptRateAtMost true when the threshold lies below every measured one, so that the
 *     rate is at most {@code falseAcceptRate}
 */
public record VerifyResult(float distance, float similarity, boolean match, float threshold, Metric metric,
        String matchedFaceId, OptionalDouble falseAcceptRate, boolean falseAcceptRateAtMost) {

    public VerifyResult {
        falseAcceptRate = falseAcceptRate == null ? OptionalDouble.empty() : falseAcceptRate;
    }

    /** A result without a false-accept rate. */
    public VerifyResult(float distance, float similarity, boolean match, float threshold, Metric metric,
            String matchedFaceId) {
        this(distance, similarity, match, threshold, metric, matchedFaceId, OptionalDouble.empty(), false);
    }
}
