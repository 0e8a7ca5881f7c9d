package io.facesearch.client;

/**
 * An enrolled face near a query.
 *
 * @param subjectId the subject the face belongs to
 * @param faceId the matching face
 * @param similarity a percentage in [0, 100]: 50 at the threshold, above 50 when nearer than it
 * @param distance the distance in the collection's metric
 */
public record Match(String subjectId, String faceId, float similarity, float distance) {
}
