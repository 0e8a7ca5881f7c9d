package io.facesearch.identify;

import java.util.List;

/**
 * The default open-set score: a logistic model on the subject's distance {@code d1} and its margin
 * over the nearest other subject {@code d2 - d1}. The score is the log-odds
 * {@code bias + distanceWeight * d1 + marginWeight * (d2 - d1)}; the confidence is its sigmoid, the
 * probability that the subject is the person, as fitted on probes of which some are enrolled and some
 * are not (the fitted coefficients, their data and the reliability table are in docs/accuracy.md).
 *
 * @param absentRunnerUp {@code d2} when the candidates hold a single subject (a small collection, or
 *     a search limited to a few faces): a typical distance between two different people, so that a
 *     lone subject is judged on its own distance rather than on an unknown margin
 */
public record LogisticScore(double bias, double distanceWeight, double marginWeight, double absentRunnerUp)
        implements OpenSetScore {

    public LogisticScore {
        if (!Double.isFinite(bias) || !Double.isFinite(distanceWeight) || !Double.isFinite(marginWeight)) {
            throw new IllegalArgumentException("coefficients must be finite");
        }
        if (!(absentRunnerUp > 0)) {
            throw new IllegalArgumentException("absentRunnerUp must be > 0, got " + absentRunnerUp);
        }
    }

    @Override
    public double score(List<SubjectCandidate> subjects, int index) {
        double d1 = subjects.get(index).distance();
        double d2 = OpenSetScore.runnerUp(subjects, index, absentRunnerUp);
        return bias + distanceWeight * d1 + marginWeight * (d2 - d1);
    }

    /** The probability, in [0, 1], that {@code subjects.get(index)} is the person. */
    public double confidence(List<SubjectCandidate> subjects, int index) {
        return probability(score(subjects, index));
    }

    /** The sigmoid of a log-odds score. */
    public static double probability(double logOdds) {
        return 1 / (1 + Math.exp(-logOdds));
    }
}
