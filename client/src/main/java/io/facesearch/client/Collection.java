package io.facesearch.client;

import java.time.Instant;

/**
 * A collection's settings and counts, as the server describes it.
 *
 * @param name the collection's name
 * @param metric how embeddings are compared
 * @param threshold the default decision threshold, a distance in {@code metric}
 * @param indexFormat how the index stores vectors
 * @param modelId the model whose embeddings the collection holds
 * @param modelVersion the part of {@code modelId} after its last '@', or empty
 * @param embeddingDimension the length of every embedding in the collection
 * @param faceCount faces held
 * @param subjectCount subjects held (each has at least one face)
 * @param createTime when the collection was created
 * @param indexSizeBytes bytes on disk used by the search index
 * @param targetFpir the false positive identification rate searches are set for
 * @param calibration the impostor statistics the open-set threshold is estimated from, and where the
 *     threshold comes from now
 * @param quality the quality thresholds its enrolments pass, every one set: its own, or the server's
 * @param ownQuality true when the collection was created with thresholds of its own; false when it
 *     follows the server's {@code quality.*} settings
 */
public record Collection(
        String name,
        Metric metric,
        float threshold,
        IndexFormat indexFormat,
        String modelId,
        String modelVersion,
        int embeddingDimension,
        long faceCount,
        long subjectCount,
        Instant createTime,
        long indexSizeBytes,
        double targetFpir,
        OpenSetCalibration calibration,
        QualitySettings quality,
        boolean ownQuality) {
}
