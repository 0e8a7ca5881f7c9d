package io.facesearch.client;

import java.time.Instant;

/**
 * A collection's impostor statistics, from which its open-set threshold is estimated: sampled faces
 * searched with their own subject left out. The server makes them again in the background when the
 * collection has grown or shrunk by a tenth.
 *
 * @param impostorSearches how many impostor searches the estimate rests on; 0 while none was made
 * @param subjectCount the subjects the collection held when they were made
 * @param estimateTime when they were made, or null while none was made
 * @param source where the threshold at the collection's target FPIR comes from now
 */
public record OpenSetCalibration(int impostorSearches, long subjectCount, Instant estimateTime, ThresholdSource source) {
}
