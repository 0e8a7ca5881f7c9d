package io.facesearch.identify;

/**
 * One subject among a probe's candidates: the distance of its nearest face, that face's id, and how
 * many of its faces were among the candidates.
 */
public record SubjectCandidate(String subjectId, double distance, String faceId, int nearFaces) {

    public SubjectCandidate {
        if (nearFaces < 1) {
            throw new IllegalArgumentException("a subject candidate has at least one face, got " + nearFaces);
        }
    }
}
