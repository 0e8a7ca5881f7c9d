package io.facesearch.server.service;

import io.facesearch.domain.Metric;
import java.util.UUID;

/**
 * The verdict on two faces.
 *
 * @param matchedFaceId the enrolled face used for a subject or face-id side, or null
 */
public record Verification(float distance, float similarity, boolean match, float threshold, Metric metric, UUID matchedFaceId) {
}
