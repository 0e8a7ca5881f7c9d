package io.facesearch.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The gate's rules on made-up measures: each threshold, the order they are checked in, and the bounds. */
class QualityGateTest {
    private static final QualityGate GATE = new QualityGate(0.5, 2, 40, 100, 45, 30, 40);
    /** A face that meets every threshold of {@link #GATE}. */
    private static final FaceQuality GOOD = new FaceQuality(0.9f, 1.0, 120, 500, 10, 5, 3);

    private static FaceQuality with(float score, double boxToFace, double px, double sharpness, double yaw, double pitch, double roll) {
        return new FaceQuality(score, boxToFace, px, sharpness, yaw, pitch, roll);
    }

    @Test
    void aGoodFacePasses() {
        QualityGate.Verdict v = GATE.check(GOOD);
        assertTrue(v.passed());
        assertEquals(null, v.issue());
        assertEquals(GOOD, v.quality());
    }

    @Test
    void eachRuleRefusesOnItsOwnMeasure() {
        assertEquals(QualityIssue.LOW_SCORE, GATE.check(with(0.49f, 1, 120, 500, 0, 0, 0)).issue());
        assertEquals(QualityIssue.LANDMARKS_DISAGREE, GATE.check(with(0.9f, 2.5, 120, 500, 0, 0, 0)).issue());
        assertEquals(QualityIssue.LANDMARKS_DISAGREE, GATE.check(with(0.9f, 0.4, 120, 500, 0, 0, 0)).issue(), "too large a face too");
        assertEquals(QualityIssue.TOO_SMALL, GATE.check(with(0.9f, 1, 39, 500, 0, 0, 0)).issue());
        assertEquals(QualityIssue.BLURRY, GATE.check(with(0.9f, 1, 120, 99, 0, 0, 0)).issue());
        assertEquals(QualityIssue.EXTREME_POSE, GATE.check(with(0.9f, 1, 120, 500, -46, 0, 0)).issue(), "either way");
        assertEquals(QualityIssue.EXTREME_POSE, GATE.check(with(0.9f, 1, 120, 500, 0, 31, 0)).issue());
        assertEquals(QualityIssue.EXTREME_POSE, GATE.check(with(0.9f, 1, 120, 500, 0, 0, -41)).issue());
    }

    @Test
    void thresholdsThemselvesPass() {
        assertTrue(GATE.check(with(0.5f, 1.99, 40, 100, 45, -30, 40)).passed());
    }

    @Test
    void theFirstRuleBrokenIsTheVerdict() {
        FaceQuality bad = with(0.2f, 5, 10, 1, 80, 80, 80);
        assertEquals(QualityIssue.LOW_SCORE, GATE.check(bad).issue());
        assertEquals(QualityIssue.LANDMARKS_DISAGREE, GATE.check(with(0.9f, 5, 10, 1, 80, 80, 80)).issue());
        assertEquals(QualityIssue.TOO_SMALL, GATE.check(with(0.9f, 1, 10, 1, 80, 80, 80)).issue());
        assertEquals(QualityIssue.BLURRY, GATE.check(with(0.9f, 1, 100, 1, 80, 80, 80)).issue());
    }

    @Test
    void theMessageNamesTheMeasureAndTheThreshold() {
        QualityGate.Verdict v = GATE.check(with(0.9f, 1, 25, 500, 0, 0, 0));
        assertFalse(v.passed());
        assertTrue(v.message().contains("25 px") && v.message().contains("40 px"), v.message());
    }

    @Test
    void offPassesEverything() {
        assertTrue(QualityGate.OFF.check(with(0f, 1000, 0, 0, 90, -90, 180)).passed());
        assertTrue(QualityGate.OFF.check(with(0f, 0.001, 1, 0, 0, 0, 0)).passed());
    }

    @Test
    void boundsOutsideTheirRangeAreRefusedEagerly() {
        assertThrows(IllegalArgumentException.class, () -> new QualityGate(1.5, 2, 0, 0, 90, 90, 90));
        assertThrows(IllegalArgumentException.class, () -> new QualityGate(0.5, 0.5, 0, 0, 90, 90, 90));
        assertThrows(IllegalArgumentException.class, () -> new QualityGate(0.5, 2, -1, 0, 90, 90, 90));
        assertThrows(IllegalArgumentException.class, () -> new QualityGate(0.5, 2, 0, 0, 0, 90, 90));
        assertThrows(IllegalArgumentException.class, () -> new QualityGate(0.5, 2, 0, Double.NaN, 90, 90, 90));
    }
}
