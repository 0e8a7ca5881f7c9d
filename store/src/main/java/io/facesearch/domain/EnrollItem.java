package io.facesearch.domain;

import java.util.List;
import java.util.Map;

/**
 * One enrolment request: faces of one subject, stored together or not at all.
 *
 * @param requestId the caller's idempotency key, or empty
 */
public record EnrollItem(String requestId, String subjectId, List<NewFace> faces, Map<String, String> metadata, String modelId) {
    public EnrollItem {
        requestId = requestId == null ? "" : requestId;
        faces = List.copyOf(faces);
        metadata = Map.copyOf(metadata);
    }
}
