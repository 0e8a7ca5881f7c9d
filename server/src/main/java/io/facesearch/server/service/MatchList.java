package io.facesearch.server.service;

import io.facesearch.domain.Metric;
import io.facesearch.identify.Decision;
import io.facesearch.identify.Identification;
import java.util.List;

/**
 * The answer for one query face: the identification (decision and subject candidates, best first)
 * and, when asked for, the face-level matches within a distance threshold, nearest first.
 *
 * @param matches the face-level matches; empty unless the search asked for them
 * @param threshold the distance threshold of the face-level matches
 * @param basis how the decision was set up
 */
public record MatchList(List<Match> matches, float threshold, Metric metric, Identification identification,
        OpenSetBasis basis) {
    public MatchList {
        matches = List.copyOf(matches);
    }

    /** The person is not enrolled, as far as the collection can tell. */
    public boolean unknown() {
        return identification.decision() == Decision.UNKNOWN;
    }
}
