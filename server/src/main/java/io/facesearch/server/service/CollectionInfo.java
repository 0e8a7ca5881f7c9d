package io.facesearch.server.service;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.quality.QualityGate;
import java.util.Optional;

/**
 * A collection's settings with its current counts.
 *
 * @param quality the quality gate its enrolments pass (its own thresholds or the server's)
 * @param calibration its latest impostor statistics, if any were measured
 * @param thresholdSource where the threshold at its target FPIR comes from now
 */
public record CollectionInfo(CollectionRecord record, long faceCount, long subjectCount, long indexSizeBytes, long indexLag,
        QualityGate quality, Optional<OpenSetCalibrations.Estimate> calibration, ThresholdSource thresholdSource) {
}
