package io.facesearch.client;

/**
 * How an identification decision was taken: the first candidate's score against a threshold set
 * for a target false positive identification rate (FPIR).
 *
 * @param targetFpir the target FPIR applied, in (0, 1): the fraction of people who are not enrolled
 *     that may be identified as someone
 * @param score the first candidate's score: log-odds that it is the person, or, for
 *     {@link ThresholdSource#DISTANCE_THRESHOLD}, minus its distance; negative infinity when there
 *     is no candidate
 * @param threshold the value the score had to exceed, in the same units
 * @param source where the threshold comes from
 * @param impostorSearches how many impostor searches of the collection the estimate rests on; 0
 *     unless {@link ThresholdSource#COLLECTION_ESTIMATE}
 */
public record OpenSetDecision(double targetFpir, double score, double threshold, ThresholdSource source,
        int impostorSearches) {
}
