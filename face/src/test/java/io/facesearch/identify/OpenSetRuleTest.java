package io.facesearch.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSetRuleTest {
    private static final LogisticScore SCORE = new LogisticScore(2, -8, 12, 0.8);

    private static List<FaceCandidate> candidates(double... distances) {
        List<FaceCandidate> faces = new java.util.ArrayList<>();
        for (int i = 0; i < distances.length; i++) {
            faces.add(new FaceCandidate("f" + i, "s" + i, distances[i]));
        }
        return faces;
    }

    @Test
    void aCloseSubjectWellAheadOfTheNextIsIdentified() {
        Identification id = new OpenSetRule(SCORE, 0).decide(candidates(0.3, 0.85, 0.9));
        assertEquals(Decision.IDENTIFIED, id.decision());
        assertEquals("s0", id.identified().orElseThrow().subjectId());
        assertTrue(id.confidence() > 0.9, "confidence " + id.confidence());
    }

    @Test
    void twoSubjectsAtTheSameDistanceLeaveTheProbeUnknownEvenWhenClose() {
        Identification id = new OpenSetRule(SCORE, 0).decide(candidates(0.45, 0.46, 0.9));
        assertEquals(Decision.UNKNOWN, id.decision());
        assertTrue(id.identified().isEmpty());
        assertEquals("s0", id.candidates().get(0).subjectId(), "the candidates stay listed");
    }

    @Test
    void noCandidateIsUnknownWithZeroConfidence() {
        Identification id = OpenSetRule.defaults().decide(List.of());
        assertEquals(Decision.UNKNOWN, id.decision());
        assertEquals(0, id.confidence());
        assertTrue(id.candidates().isEmpty());
    }

    @Test
    void everyCandidateHasAConfidenceInTheUnitIntervalAndTheTopTheHighest() {
        Identification id = OpenSetRule.defaults().decide(candidates(0.2, 0.5, 0.6, 1.4, 0.0));
        double top = id.candidates().get(0).confidence();
        for (RankedSubject s : id.candidates()) {
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1, s.toString());
            assertTrue(s.confidence() <= top, s.toString());
        }
    }

    @Test
    void theThresholdComesFromTheCollectionsImpostorsWhenThereAreEnough() {
        double[] scores = new double[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i / 100.0;
        }
        OpenSetRule estimated = OpenSetRule.forTargetFpir(0.01, ImpostorScores.of(scores));
        assertEquals(9.89, estimated.threshold(), 1e-12);
        OpenSetRule fallback = OpenSetRule.forTargetFpir(0.01, ImpostorScores.of(1, 2, 3));
        assertEquals(IdentificationDefaults.threshold(0.01), fallback.threshold(), 0);
        assertEquals(OpenSetRule.defaults(), fallback);
    }

    @Test
    void theDefaultThresholdsGetStricterAsTheTargetRateFalls() {
        double previous = Double.NEGATIVE_INFINITY;
        for (double fpir : new double[] {0.2, 0.1, 0.05, 0.01, 0.005, 0.001, 0.0001}) {
            double t = IdentificationDefaults.threshold(fpir);
            assertTrue(t >= previous, fpir + " -> " + t);
            previous = t;
        }
        assertEquals(IdentificationDefaults.threshold(0.01), IdentificationDefaults.threshold(0.02), 0,
                "between two calibrated targets, the stricter one");
    }
}
