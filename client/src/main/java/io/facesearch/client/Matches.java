package io.facesearch.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one query face: who it is. The server decides whether the face is an enrolled
 * subject ({@link Decision#IDENTIFIED}) or someone not enrolled ({@link Decision#UNKNOWN}), with an
 * open-set rule set for a target false positive identification rate, and lists the nearest subjects
 * as candidates. Read the answer with {@link #identified()}.
 *
 * <p>The face-level list ({@link #matches()}, {@link #best()}) is filled only when the search asked
 * for it with {@link SearchOptions#withFaceMatches(boolean)}; it is the enrolled faces within the
 * distance threshold, a 1:1 test that says nothing about the other subjects. Before the server
 * answered with decisions it was always filled.
 *
 * @param decision identified or unknown
 * @param candidates the nearest subjects, best first, at most {@link SearchOptions#topK()}; the first
 *     is the identified subject when the decision is {@link Decision#IDENTIFIED}
 * @param openSet how the decision was taken
 * @param matches with {@link SearchOptions#faceMatches()} only: the enrolled faces within the
 *     threshold, nearest first; else empty
 * @param threshold the distance threshold of the face-level matches, in {@code metric}
 * @param metric the collection's metric
 */
public record Matches(Decision decision, List<SubjectCandidate> candidates, OpenSetDecision openSet, List<Match> matches,
        float threshold, Metric metric) {

    public Matches {
        Objects.requireNonNull(decision, "decision");
        candidates = List.copyOf(candidates);
        matches = List.copyOf(matches);
    }

    /** The subject the face was identified as; empty when the decision is {@link Decision#UNKNOWN}. */
    public Optional<SubjectCandidate> identified() {
        return decision == Decision.IDENTIFIED && !candidates.isEmpty() ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    /** True when the decision is {@link Decision#UNKNOWN}: the person is not enrolled, as far as the collection can tell. */
    public boolean unknown() {
        return decision == Decision.UNKNOWN;
    }

    /**
     * The nearest face match, if any face is within the threshold. Face-level: empty unless the search
     * asked for face matches ({@link SearchOptions#withFaceMatches(boolean)}); who the face is comes
     * from {@link #identified()}.
     */
    public Optional<Match> best() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.getFirst());
    }
}
