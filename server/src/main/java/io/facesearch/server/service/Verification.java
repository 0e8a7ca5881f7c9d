package io.facesearch.server.service;

import io.facesearch.compare.FalseAcceptRate;
import io.facesearch.domain.Metric;
import java.util.UUID;

/**
 * The verdict on two faces.
 *
 * @param matchedFaceId the enrolled face used for a subject or face-id side, or null
 * @param falseAcceptRate the false-accept rate of {@code threshold} for the model and metric
 *     compared, or null when none was measured for them
 */
public record Verification(float distance, float similarity, boolean match, float threshold, Metric metric, UUID matchedFaceId,
        FalseAcceptRate falseAcceptRate) {
}
