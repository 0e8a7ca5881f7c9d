package io.facesearch.domain;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An enrolled face: its id, subject, embedding (as enrolled, not normalised), where it was found
 * in its photo, and the caller's metadata. How a backend stores it is the backend's business (the
 * embedded one documents its byte layout on its face codec).
 *
 * @param box null for precomputed embeddings
 * @param landmarks null for precomputed embeddings
 */
public record StoredFace(
        UUID faceId,
        String subjectId,
        float[] embedding,
        FaceBox box,
        float quality,
        Landmarks landmarks,
        Source source,
        Instant created,
        String modelId,
        String requestId,
        Map<String, String> metadata) {

    /** How the face was enrolled; the code is stored. */
    public enum Source {
        IMAGE, PRECOMPUTED
    }

    public StoredFace {
        embedding = embedding.clone();
        metadata = Map.copyOf(metadata);
        requestId = requestId == null ? "" : requestId;
    }


    /** The embedding (a copy: records expose arrays, and this one must stay as enrolled). */
    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
