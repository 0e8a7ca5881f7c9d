package io.facesearch.client;

/**
 * An enrolled subject near a query face.
 *
 * @param subjectId the subject
 * @param confidence the probability, in [0, 1], that this subject is the person; it weighs the
 *     subject's distance against the other candidates' (calibrated on LFW)
 * @param distance the distance of the subject's nearest face, in the collection's metric
 * @param faceId that nearest face
 * @param nearFaces how many of the subject's faces were among the nearest faces searched
 */
public record SubjectCandidate(String subjectId, float confidence, float distance, String faceId, int nearFaces) {
}
