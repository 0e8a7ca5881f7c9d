package io.facesearch.identify;

import java.util.List;
import java.util.Optional;

/**
 * What the open-set rule decided for one probe face: the decision, the confidence of the top
 * subject, its score (in the rule's units, compared with {@code threshold}) and every subject
 * candidate, best first.
 */
public record Identification(Decision decision, double confidence, double score, double threshold,
        List<RankedSubject> candidates) {

    public Identification {
        candidates = List.copyOf(candidates);
    }

    /** The identified subject, or empty when the decision is {@link Decision#UNKNOWN}. */
    public Optional<RankedSubject> identified() {
        return decision == Decision.IDENTIFIED ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
