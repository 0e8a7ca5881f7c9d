package io.facesearch.client;

import java.util.Objects;

/**
 * One side of a verification: a photo (its main face), an enrolled face, an enrolled subject
 * (its face nearest to the other side) or a precomputed embedding. At most one side may be a
 * subject, and enrolled faces and subjects need the collection they are in.
 */
public sealed interface FaceReference {

    static FaceReference photo(Photo photo) {
        return new OfPhoto(photo);
    }

    static FaceReference face(String faceId) {
        return new OfFace(faceId);
    }

    static FaceReference subject(String subjectId) {
        return new OfSubject(subjectId);
    }

    static FaceReference embedding(float[] values) {
        return new OfEmbedding(values.clone());
    }

    record OfPhoto(Photo photo) implements FaceReference {
        public OfPhoto {
            Objects.requireNonNull(photo, "photo");
        }
    }

    record OfFace(String faceId) implements FaceReference {
        public OfFace {
            Objects.requireNonNull(faceId, "faceId");
        }
    }

    record OfSubject(String subjectId) implements FaceReference {
        public OfSubject {
            Objects.requireNonNull(subjectId, "subjectId");
        }
    }

    record OfEmbedding(float[] values) implements FaceReference {
        public OfEmbedding {
            Objects.requireNonNull(values, "values");
        }
    }
}
