package io.facesearch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FalseAcceptRatesTest {
    private static final FalseAcceptRates TABLE = FalseAcceptRates.DEFAULT_EUCLIDEAN;

    @Test
    void theTableIsForTheEuclideanDistance() {
        assertEquals(DistanceMetric.EUCLIDEAN, TABLE.metric());
    }

    @Test
    void isExactAtEveryMeasuredPoint() {
        for (FalseAcceptRates.Point p : TABLE.points()) {
            FalseAcceptRate r = TABLE.at(p.threshold());
            assertEquals(p.rate(), r.rate(), "at " + p.threshold());
            assertFalse(r.atMost(), "at " + p.threshold());
        }
    }

    @Test
    void neverDecreasesAsTheThresholdGrows() {
        double previous = 0;
        for (double t = 0; t <= 1.5; t += 0.0005) {
            double rate = TABLE.at(t).rate();
            assertTrue(rate >= previous, "rate " + rate + " at " + t + " is below " + previous);
            previous = rate;
        }
    }

    @Test
    void liesBetweenItsNeighboursAndInterpolatesTheLogarithm() {
        FalseAcceptRates table = new FalseAcceptRates(DistanceMetric.EUCLIDEAN,
                List.of(new FalseAcceptRates.Point(0.4, 1e-4), new FalseAcceptRates.Point(0.5, 1e-2)));
        assertEquals(1e-3, table.at(0.45).rate(), 1e-15, "halfway in threshold is halfway in log rate");
        List<FalseAcceptRates.Point> points = TABLE.points();
        for (int i = 1; i < points.size(); i++) {
            double mid = (points.get(i - 1).threshold() + points.get(i).threshold()) / 2;
            double rate = TABLE.at(mid).rate();
            assertTrue(rate >= points.get(i - 1).rate() && rate <= points.get(i).rate(), "at " + mid);
        }
    }

    @Test
    void belowTheFirstPointIsAtMostItsRateNeverZero() {
        FalseAcceptRates.Point first = TABLE.points().getFirst();
        for (double t : new double[] {0.0, 0.1, first.threshold() - 1e-9}) {
            FalseAcceptRate r = TABLE.at(t);
            assertEquals(first.rate(), r.rate(), "at " + t);
            assertTrue(r.atMost(), "at " + t);
        }
        assertTrue(first.rate() <= 1e-5, "the table reaches down to 1e-5");
    }

    @Test
    void pastTheLastPointIsTheLastRate() {
        FalseAcceptRates.Point last = TABLE.points().getLast();
        assertEquals(1.0, last.rate());
        assertEquals(1.0, TABLE.at(5).rate());
        assertFalse(TABLE.at(5).atMost());
    }

    @Test
    void theDefaultThresholdStandsForAboutOnePercent() {
        double rate = TABLE.at(MatchThreshold.DEFAULT_EUCLIDEAN.threshold()).rate();
        assertTrue(rate > 0.005 && rate < 0.02, "FAR at 0.6 is " + rate);
    }

    @Test
    void refusesTablesThatAreNotMonotone() {
        assertThrows(IllegalArgumentException.class, () -> new FalseAcceptRates(DistanceMetric.EUCLIDEAN,
                List.of(new FalseAcceptRates.Point(0.5, 0.1))));
        assertThrows(IllegalArgumentException.class, () -> new FalseAcceptRates(DistanceMetric.EUCLIDEAN,
                List.of(new FalseAcceptRates.Point(0.5, 0.1), new FalseAcceptRates.Point(0.5, 0.2))));
        assertThrows(IllegalArgumentException.class, () -> new FalseAcceptRates(DistanceMetric.EUCLIDEAN,
                List.of(new FalseAcceptRates.Point(0.5, 0.1), new FalseAcceptRates.Point(0.6, 0.05))));
        assertThrows(IllegalArgumentException.class, () -> new FalseAcceptRates(DistanceMetric.EUCLIDEAN,
                List.of(new FalseAcceptRates.Point(0.5, 0), new FalseAcceptRates.Point(0.6, 0.05))));
        assertThrows(IllegalArgumentException.class, () -> TABLE.at(Double.NaN));
    }
}
