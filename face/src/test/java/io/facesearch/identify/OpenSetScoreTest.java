package io.facesearch.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSetScoreTest {
    private static final List<SubjectCandidate> SUBJECTS = List.of(
            new SubjectCandidate("a", 0.3, "a1", 1),
            new SubjectCandidate("b", 0.6, "b1", 1),
            new SubjectCandidate("c", 0.7, "c1", 1),
            new SubjectCandidate("d", 0.8, "d1", 1));

    @Test
    void theRunnerUpOfTheTopIsTheSecondAndOfAnyOtherTheTop() {
        assertEquals(0.6, OpenSetScore.runnerUp(SUBJECTS, 0, 9), 0);
        assertEquals(0.3, OpenSetScore.runnerUp(SUBJECTS, 2, 9), 0);
    }

    @Test
    void aLoneSubjectIsComparedWithTheAbsentRunnerUpButNeverGetsANegativeMargin() {
        List<SubjectCandidate> lone = List.of(new SubjectCandidate("a", 0.3, "a1", 2));
        assertEquals(0.8, OpenSetScore.runnerUp(lone, 0, 0.8), 0);
        List<SubjectCandidate> far = List.of(new SubjectCandidate("a", 0.95, "a1", 1));
        assertEquals(0.95, OpenSetScore.runnerUp(far, 0, 0.8), 0);
    }

    @Test
    void nearestMarginAndRatioScores() {
        assertEquals(-0.3, new OpenSetScore.NearestDistance().score(SUBJECTS, 0), 1e-12);
        assertEquals(0.3, new OpenSetScore.Margin().score(SUBJECTS, 0), 1e-12);
        assertEquals(-0.3, new OpenSetScore.Margin().score(SUBJECTS, 1), 1e-12);
        assertEquals(0.5, new OpenSetScore.DistanceRatio().score(SUBJECTS, 0), 1e-12);
    }

    @Test
    void cohortZIsStandardDeviationsBelowTheNextSubjects() {
        // The cohort of "a" is b, c, d: mean 0.7, population deviation sqrt(2/300).
        double expected = (0.7 - 0.3) / Math.sqrt(0.02 / 3);
        assertEquals(expected, new OpenSetScore.CohortZ(3).score(SUBJECTS, 0), 1e-9);
        assertEquals(0, new OpenSetScore.CohortZ(3).score(SUBJECTS.subList(0, 2), 0), 0, "one other subject: no z");
        assertThrows(IllegalArgumentException.class, () -> new OpenSetScore.CohortZ(1));
    }

    @Test
    void logisticScoreIsTheLogOddsOfDistanceAndMargin() {
        LogisticScore score = new LogisticScore(1, -10, 20, 0.8);
        assertEquals(1 - 3 + 6, score.score(SUBJECTS, 0), 1e-12);
        assertEquals(1 / (1 + Math.exp(-4)), score.confidence(SUBJECTS, 0), 1e-12);
        assertEquals(0.5, LogisticScore.probability(0), 0);
    }
}
