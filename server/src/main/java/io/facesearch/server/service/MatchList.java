package io.facesearch.server.service;

import io.facesearch.domain.Metric;
import java.util.List;

/** The matches of one query within a threshold, nearest first. */
public record MatchList(List<Match> matches, float threshold, Metric metric) {
    public MatchList {
        matches = List.copyOf(matches);
    }

    /** No enrolled face is within the threshold. */
    public boolean unknown() {
        return matches.isEmpty();
    }
}
