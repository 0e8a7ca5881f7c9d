package io.facesearch.server.service;

import java.util.UUID;

/** One side of a verification. */
public sealed interface FaceReference {
    /** The main face of an encoded image (large and near the centre). */
    record Image(byte[] bytes) implements FaceReference {
    }

    /** An enrolled face. */
    record Enrolled(UUID faceId) implements FaceReference {
    }

    /** An enrolled subject: its face nearest to the other side. */
    record Subject(String subjectId) implements FaceReference {
    }

    /** A precomputed embedding. */
    record Embedding(float[] values) implements FaceReference {
    }
}
