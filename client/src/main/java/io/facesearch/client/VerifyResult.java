package io.facesearch.client;

/**
 * Whether two faces are the same person.
 *
 * @param distance the distance between them, in {@code metric}
 * @param similarity a percentage in [0, 100], 50 at the threshold
 * @param match true when {@code distance <= threshold}
 * @param threshold the threshold applied
 * @param metric the metric applied
 * @param matchedFaceId the enrolled face used when a side was a subject or a face; null otherwise
 */
public record VerifyResult(float distance, float similarity, boolean match, float threshold, Metric metric,
        String matchedFaceId) {
}
