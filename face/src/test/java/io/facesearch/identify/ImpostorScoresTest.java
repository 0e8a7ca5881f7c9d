package io.facesearch.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImpostorScoresTest {

    private static ImpostorScores zeroTo(int n) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = n - 1 - i;
        }
        return ImpostorScores.of(scores);
    }

    @Test
    void theThresholdAcceptsExactlyTheAllowedImpostors() {
        ImpostorScores scores = zeroTo(1000);
        assertEquals(10, scores.allowedFalseAccepts(0.01));
        assertEquals(989, scores.thresholdFor(0.01), 0, "the 11th highest of 0..999");
        assertEquals(0.01, scores.acceptedFraction(scores.thresholdFor(0.01)), 0);
        assertEquals(0.1, scores.acceptedFraction(scores.thresholdFor(0.1)), 0);
        assertEquals(0.001, scores.acceptedFraction(scores.thresholdFor(0.001)), 0);
    }

    @Test
    void tiesAtTheThresholdAreRefusedSoTheRateIsNeverExceeded() {
        ImpostorScores scores = ImpostorScores.of(5, 5, 5, 5, 1, 1, 1, 1, 1, 1);
        double t = scores.thresholdFor(0.2);
        assertEquals(5, t, 0);
        assertEquals(0, scores.acceptedFraction(t));
        assertTrue(scores.acceptedFraction(scores.thresholdFor(0.5)) <= 0.5);
    }

    @Test
    void tooFewImpostorsCannotEstimateASmallRate() {
        ImpostorScores scores = zeroTo(150);
        assertFalse(scores.canEstimate(0.01, 2), "150 impostors allow one false accept at 1 %");
        assertTrue(zeroTo(200).canEstimate(0.01, 2));
        assertEquals(Double.POSITIVE_INFINITY, ImpostorScores.of().thresholdFor(0.01));
        assertThrows(IllegalArgumentException.class, () -> scores.thresholdFor(0));
        assertThrows(IllegalArgumentException.class, () -> ImpostorScores.of(Double.NaN));
    }

    @Test
    void aThresholdEstimatedOnOneSampleHoldsTheRateOnAnotherOfTheSameDistribution() {
        Random random = new Random(12);
        double[] estimate = new double[20_000];
        double[] fresh = new double[20_000];
        for (int i = 0; i < estimate.length; i++) {
            estimate[i] = random.nextGaussian();
            fresh[i] = random.nextGaussian();
        }
        double t = ImpostorScores.of(estimate).thresholdFor(0.01);
        double observed = ImpostorScores.of(fresh).acceptedFraction(t);
        assertTrue(observed > 0.007 && observed < 0.013, "observed FPIR " + observed);
    }

    @Test
    void searchesAreScoredOnTheirTopSubjectAndAnEmptySearchIsARejectedImpostor() {
        List<List<FaceCandidate>> searches = List.of(
                List.of(new FaceCandidate("a1", "a", 0.5), new FaceCandidate("b1", "b", 0.9)),
                List.of());
        ImpostorScores scores = ImpostorScores.fromSearches(searches, new OpenSetScore.Margin());
        assertEquals(2, scores.size());
        assertEquals(0.5, scores.acceptedFraction(0.3), 0, "margin 0.4 of the first search");
        assertEquals(0.5, scores.acceptedFraction(-1e300), 0);
    }
}
