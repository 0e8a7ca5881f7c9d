package io.facesearch.identify;

import java.util.List;

/**
 * How strongly a probe's candidates point at one subject: higher means more likely that the subject
 * is the person. The implementations are the scores measured in docs/accuracy.md; the default rule
 * uses {@link LogisticScore}.
 */
public interface OpenSetScore {

    /**
     * The score of {@code subjects.get(index)}.
     *
     * @param subjects a probe's subject candidates, nearest first (see {@link SubjectCandidates#group})
     */
    double score(List<SubjectCandidate> subjects, int index);

    /**
     * The distance of the nearest subject other than {@code subjects.get(index)}: the runner-up of the
     * top subject, the top subject for any other one; {@code absent} when the candidates hold a single
     * subject.
     */
    static double runnerUp(List<SubjectCandidate> subjects, int index, double absent) {
        if (index > 0) {
            return subjects.get(0).distance();
        }
        return subjects.size() > 1 ? subjects.get(1).distance() : Math.max(absent, subjects.get(0).distance());
    }

    /** The nearest-subject distance alone, negated so that higher is more alike (the 1:1 rule). */
    record NearestDistance() implements OpenSetScore {
        @Override
        public double score(List<SubjectCandidate> subjects, int index) {
            return -subjects.get(index).distance();
        }
    }

    /** The margin over the next subject, {@code d2 - d1}. */
    record Margin() implements OpenSetScore {
        @Override
        public double score(List<SubjectCandidate> subjects, int index) {
            return runnerUp(subjects, index, Double.POSITIVE_INFINITY) - subjects.get(index).distance();
        }
    }

    /** One minus the ratio {@code d1 / d2}: 0 when the runner-up is as near, 1 for an exact match. */
    record DistanceRatio() implements OpenSetScore {
        @Override
        public double score(List<SubjectCandidate> subjects, int index) {
            double other = runnerUp(subjects, index, Double.POSITIVE_INFINITY);
            return other == 0 ? 0 : 1 - subjects.get(index).distance() / other;
        }
    }

    /**
     * Cohort normalisation: how many standard deviations the subject's distance lies below the
     * distances of the next {@code cohort} subjects (the other subjects after it, in order).
     */
    record CohortZ(int cohort) implements OpenSetScore {
        /** Keeps the z finite when the cohort's distances are all equal (euclidean units). */
        private static final double MIN_SPREAD = 1e-3;

        public CohortZ {
            if (cohort < 2) {
                throw new IllegalArgumentException("a cohort needs at least 2 subjects, got " + cohort);
            }
        }

        @Override
        public double score(List<SubjectCandidate> subjects, int index) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int i = 0; i < subjects.size() && n < cohort; i++) {
                if (i != index) {
                    double d = subjects.get(i).distance();
                    sum += d;
                    squares += d * d;
                    n++;
                }
            }
            if (n < 2) {
                return 0;
            }
            double mean = sum / n;
            double spread = Math.sqrt(Math.max(0, squares / n - mean * mean));
            return (mean - subjects.get(index).distance()) / Math.max(spread, MIN_SPREAD);
        }
    }
}
