package io.facesearch.client;

/**
 * A face the server stored.
 *
 * @param faceId the id the server assigned (a UUID)
 * @param box where the face is in the photo; null for a precomputed embedding
 * @param quality detector confidence in [0, 1]; 1 for a precomputed embedding
 */
public record EnrolledFace(String faceId, Box box, float quality) {
}
