package io.facesearch.client;

import java.util.List;
import java.util.Optional;

/**
 * The matches of one query face.
 *
 * @param matches the enrolled faces within the threshold, nearest first
 * @param unknown true when no enrolled face is within the threshold
 * @param threshold the threshold applied, a distance in {@code metric}
 * @param metric the collection's metric
 */
public record Matches(List<Match> matches, boolean unknown, float threshold, Metric metric) {

    public Matches {
        matches = List.copyOf(matches);
    }

    /** The nearest match, if any face is within the threshold. */
    public Optional<Match> best() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.getFirst());
    }
}
