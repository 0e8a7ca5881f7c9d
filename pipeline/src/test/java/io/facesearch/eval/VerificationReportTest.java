package io.facesearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationReportTest {

    @Test
    void separablePairsScorePerfectlyAndUnscorablePairsCountAsErrors() {
        int n = 200;
        double[] d = new double[n];
        boolean[] same = new boolean[n];
        for (int i = 0; i < n; i++) {
            same[i] = i % 2 == 0;
            d[i] = same[i] ? 0.3 + 0.001 * i : 0.9 + 0.001 * i;
        }
        VerificationReport clean = VerificationReport.of(d, same, 0);
        assertEquals(1.0, clean.accuracy(), 1e-12);
        assertTrue(clean.bestThreshold() > 0.5 && clean.bestThreshold() < 0.9, "threshold " + clean.bestThreshold());
        assertEquals(1.0, clean.tarAtFar1e3(), 1e-12);

        d[0] = Double.NaN;
        d[1] = Double.NaN;
        VerificationReport withMisses = VerificationReport.of(d, same, 0);
        assertEquals(2, withMisses.unscorable());
        assertEquals(198.0 / 200, withMisses.bestThresholdAccuracy(), 1e-12);
        assertEquals(198.0 / 200, withMisses.accuracy(), 1e-12);
    }

    @Test
    void overlappingPairsGiveTheAccuracyOfTheBestCut() {
        // same: 0.1..0.9 step; different: 0.5..1.3; the best cut at 0.7 gets 90 + 80 of 200 right... computed below.
        int n = 100;
        double[] d = new double[2 * n];
        boolean[] same = new boolean[2 * n];
        for (int i = 0; i < n; i++) {
            d[i] = 0.1 + 0.008 * i;
            same[i] = true;
            d[n + i] = 0.5 + 0.008 * i;
        }
        VerificationReport r = VerificationReport.of(d, same, 0);
        // Any cut t inside the overlap [0.5, 0.9) errs on both sides: best is 150 of 200 at t in (0.5, 0.9).
        assertEquals(150.0 / 200, r.bestThresholdAccuracy(), 0.01);
        assertTrue(r.accuracy() <= r.bestThresholdAccuracy() + 1e-9);
    }

    @Test
    void readsBothLfwPairFormats(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pairs.txt");
        Files.writeString(file, "2\nAaron_Peirsol 1 2\nAaron_Peirsol 3 Zico 1\n");
        LfwPairs pairs = LfwPairs.read(file);
        assertEquals(0, pairs.folds());
        assertEquals(2, pairs.pairs().size());
        assertEquals("Aaron_Peirsol/Aaron_Peirsol_0001.jpg", pairs.pairs().get(0).first());
        assertEquals("Zico/Zico_0001.jpg", pairs.pairs().get(1).second());
        assertTrue(pairs.pairs().get(0).same());

        Files.writeString(file, "10 1\nA 1 2\nB 1 C 2\n");
        assertEquals(10, LfwPairs.read(file).folds());
    }
}
