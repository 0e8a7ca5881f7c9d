package io.facesearch.client;

import java.util.Map;
import java.util.Objects;

/**
 * One enrolment: the faces of a photo, or one precomputed embedding, to store under a subject.
 * Start from {@link #of(String, String, Photo)} or {@link #of(String, String, float[])} and add
 * options with the {@code with} methods.
 *
 * <p>The request id is the server's idempotency key: a retried enrolment with the same id never
 * stores twice, it returns what the first attempt stored. When it is null the client picks a
 * random one, and it is reported back in {@link EnrollResult#requestId()}.
 *
 * @param collection the collection to enrol into
 * @param subjectId the person, as the caller identifies them: 1-256 characters
 * @param photo the photo whose faces to enrol, or null when {@code embedding} is set
 * @param embedding a precomputed embedding, or null when {@code photo} is set
 * @param metadata caller data kept with each face: at most 32 entries
 * @param faceSelection which faces of a photo to enrol; null for the server's default (MAIN)
 * @param requestId the idempotency key (up to 128 characters), or null to have one chosen
 * @param modelId the model that computed {@code embedding}, checked against the collection's; may be empty
 */
public record Enrollment(String collection, String subjectId, Photo photo, float[] embedding,
        Map<String, String> metadata, FaceSelection faceSelection, String requestId, String modelId) {

    public Enrollment {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(subjectId, "subjectId");
        if ((photo == null) == (embedding == null)) {
            throw new IllegalArgumentException("an enrolment has exactly one of a photo and an embedding");
        }
        embedding = embedding == null ? null : embedding.clone();
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        modelId = modelId == null ? "" : modelId;
    }

    public static Enrollment of(String collection, String subjectId, Photo photo) {
        return new Enrollment(collection, subjectId, Objects.requireNonNull(photo, "photo"), null, Map.of(), null, null, "");
    }

    public static Enrollment of(String collection, String subjectId, float[] embedding) {
        return new Enrollment(collection, subjectId, null, Objects.requireNonNull(embedding, "embedding"), Map.of(), null,
                null, "");
    }

    /** A copy of the embedding, or null for a photo. */
    @Override
    public float[] embedding() {
        return embedding == null ? null : embedding.clone();
    }

    public Enrollment withMetadata(Map<String, String> data) {
        return new Enrollment(collection, subjectId, photo, embedding, data, faceSelection, requestId, modelId);
    }

    public Enrollment withFaceSelection(FaceSelection selection) {
        return new Enrollment(collection, subjectId, photo, embedding, metadata, selection, requestId, modelId);
    }

    public Enrollment withRequestId(String id) {
        return new Enrollment(collection, subjectId, photo, embedding, metadata, faceSelection, id, modelId);
    }

    public Enrollment withModelId(String id) {
        return new Enrollment(collection, subjectId, photo, embedding, metadata, faceSelection, requestId, id);
    }

    @Override
    public String toString() {
        return "Enrollment[" + collection + "/" + subjectId + ", " + (photo != null ? photo : embedding.length + "-D embedding")
                + (requestId == null ? "" : ", request " + requestId) + "]";
    }
}
