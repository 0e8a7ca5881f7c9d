package io.facesearch.identify;

import java.util.Arrays;
import java.util.List;

/**
 * The top-subject scores of searches whose person is not enrolled (non-mated searches), and the
 * thresholds they imply. A collection estimates them from its own faces: each sampled face is
 * searched with its own subject left out, which is a non-mated search against the rest of the
 * collection, so the estimate follows the collection as it grows.
 */
public final class ImpostorScores {
    private final double[] descending;

    private ImpostorScores(double[] descending) {
        this.descending = descending;
    }

    /** From scores already computed (in the units of the score that will be thresholded). */
    public static ImpostorScores of(double... scores) {
        double[] sorted = scores.clone();
        for (double s : sorted) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("an impostor score is NaN");
            }
        }
        Arrays.sort(sorted);
        double[] descending = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            descending[i] = sorted[sorted.length - 1 - i];
        }
        return new ImpostorScores(descending);
    }

    /**
     * From non-mated searches: each list is what the index returned for a probe whose subject was
     * left out of the search; empty lists (nothing found) count as rejected impostors.
     */
    public static ImpostorScores fromSearches(List<List<FaceCandidate>> searches, OpenSetScore score) {
        double[] scores = new double[searches.size()];
        for (int i = 0; i < scores.length; i++) {
            List<SubjectCandidate> subjects = SubjectCandidates.group(searches.get(i));
            scores[i] = subjects.isEmpty() ? Double.NEGATIVE_INFINITY : score.score(subjects, 0);
        }
        return of(scores);
    }

    public int size() {
        return descending.length;
    }

    /**
     * How many impostors a target rate allows to be accepted: {@code floor(fpir * size)}.
     *
     * @throws IllegalArgumentException if the rate is outside (0, 1)
     */
    public int allowedFalseAccepts(double fpir) {
        if (!(fpir > 0 && fpir < 1)) {
            throw new IllegalArgumentException("target FPIR must be in (0, 1), got " + fpir);
        }
        return (int) Math.floor(fpir * descending.length + 1e-9);
    }

    /**
     * The threshold at which at most {@code fpir} of these impostors are accepted, a search being
     * accepted when its score is strictly above the threshold: the score of the impostor ranked just
     * after the allowed ones (ties at the threshold are refused, so the bound always holds).
     * {@code +inf} when there are no scores.
     */
    public double thresholdFor(double fpir) {
        int allowed = allowedFalseAccepts(fpir);
        if (descending.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return allowed >= descending.length ? Double.NEGATIVE_INFINITY : descending[allowed];
    }

    /** The fraction of these impostors whose score is strictly above {@code threshold}. */
    public double acceptedFraction(double threshold) {
        int accepted = 0;
        while (accepted < descending.length && descending[accepted] > threshold) {
            accepted++;
        }
        return descending.length == 0 ? 0 : accepted / (double) descending.length;
    }

    /** Whether a target rate can be estimated: at least {@code minFalseAccepts} impostors would be allowed. */
    public boolean canEstimate(double fpir, int minFalseAccepts) {
        return allowedFalseAccepts(fpir) >= minFalseAccepts;
    }
}
