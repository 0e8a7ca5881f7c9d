package io.facesearch.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An enrolled face as stored.
 *
 * @param faceId its id
 * @param subjectId the subject it belongs to
 * @param box where it was in its photo; null for a precomputed embedding
 * @param quality detector confidence in [0, 1]; 1 for a precomputed embedding
 * @param landmarks its 68 landmarks; empty for a precomputed embedding
 * @param source how it was enrolled
 * @param metadata the caller's data
 * @param createTime when it was enrolled
 * @param modelId the model that computed its embedding
 * @param embedding its embedding, or null when not asked for
 * @param requestId the request id it was enrolled with, or empty
 */
public record Face(String faceId, String subjectId, Box box, float quality, List<Point> landmarks, Source source,
        Map<String, String> metadata, Instant createTime, String modelId, float[] embedding, String requestId) {

    public Face {
        landmarks = List.copyOf(landmarks);
        metadata = Map.copyOf(metadata);
    }

    /** How a face was enrolled. */
    public enum Source {
        /** Detected and embedded by the server from a photo. */
        IMAGE,
        /** Sent as a precomputed embedding. */
        PRECOMPUTED
    }
}
