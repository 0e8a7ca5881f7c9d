package io.facesearch.identify;

/**
 * A subject candidate with its confidence: the calibrated probability that this subject is the
 * person (see {@link OpenSetScore#confidence}).
 */
public record RankedSubject(SubjectCandidate candidate, double confidence) {

    public String subjectId() {
        return candidate.subjectId();
    }

    public double distance() {
        return candidate.distance();
    }
}
