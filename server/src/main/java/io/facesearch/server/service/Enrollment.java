package io.facesearch.server.service;

import io.facesearch.pipeline.FaceSelection;
import java.util.Map;

/**
 * One enrolment: exactly one of {@code image} and {@code embedding} is set.
 *
 * @param requestId the caller's idempotency key, or empty
 * @param modelId the model that computed {@code embedding}, or empty when unknown
 */
public record Enrollment(
        String collection,
        String subjectId,
        byte[] image,
        float[] embedding,
        Map<String, String> metadata,
        FaceSelection selection,
        String requestId,
        String modelId) {

    public Enrollment {
        // Checked before the copy: a request may carry millions of entries within the message limit.
        metadata = metadata == null ? Map.of() : Map.copyOf(RequestLimits.metadata(metadata));
        selection = selection == null ? FaceSelection.MAIN : selection;
        requestId = requestId == null ? "" : requestId;
        modelId = modelId == null ? "" : modelId;
    }
}
