package io.facesearch.server.service;

/**
 * How an identification decision was set up.
 *
 * @param targetFpir the false positive identification rate it was set for
 * @param source where its threshold comes from
 * @param impostorSearches the collection's impostor searches the threshold rests on; 0 unless
 *     {@link ThresholdSource#COLLECTION_ESTIMATE}
 */
public record OpenSetBasis(double targetFpir, ThresholdSource source, int impostorSearches) {
}
