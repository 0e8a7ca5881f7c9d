package io.facesearch.identify;

/**
 * One face an index returned for a probe: its id, the subject it was enrolled under and its distance
 * to the probe (smaller is more alike, in the collection's metric).
 */
public record FaceCandidate(String faceId, String subjectId, double distance) {

    public FaceCandidate {
        if (faceId == null || subjectId == null) {
            throw new IllegalArgumentException("faceId and subjectId are required");
        }
        if (!(distance >= 0)) {
            throw new IllegalArgumentException("distance must be >= 0, got " + distance);
        }
    }
}
