package io.facesearch.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facesearch.identify.LogisticScore;
import io.facesearch.identify.OpenSetRule;
import io.facesearch.identify.OpenSetScore;
import io.facesearch.identify.SubjectCandidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol's figures on probes whose answers are known. */
class IdentificationFiguresTest {

    private static SearchedProbe probe(String truth, String top, double d1, double d2) {
        return new SearchedProbe(truth, List.of(new SubjectCandidate(top, d1, top + "/1", 1),
                new SubjectCandidate("other", d2, "other/1", 1)));
    }

    /** Ten mated probes: eight right at the top, at distances 0.05 to 0.75; one wrong; one without a face. */
    private static List<SearchedProbe> mated() {
        List<SearchedProbe> mated = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            mated.add(probe("p" + i, "p" + i, i / 10.0 - 0.05, 1.0));
        }
        mated.add(probe("p9", "someone", 0.2, 1.0));
        mated.add(new SearchedProbe("p10", List.of()));
        return mated;
    }

    /** Ten non-mated probes, their nearest subject at 0.305 to 0.755. */
    private static List<SearchedProbe> nonMated() {
        List<SearchedProbe> nonMated = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nonMated.add(probe(null, "n" + i, 0.305 + i * 0.05, 1.0));
        }
        return nonMated;
    }

    @Test
    void rank1CountsProbesWithoutAFaceAsMisses() {
        assertEquals(0.8, IdentificationFigures.rank1(mated()), 1e-12);
    }

    @Test
    void dirAtFpirSetsTheThresholdOnTheNonMatedProbes() {
        OpenSetScore nearest = new OpenSetScore.NearestDistance();
        // FPIR 10 %: one impostor (0.305) may pass, the threshold is the next (0.355): 0.05..0.35 are kept.
        assertEquals(0.4, IdentificationFigures.dirAtFpir(mated(), nonMated(), nearest, 0.1), 1e-12);
        // FPIR 1 % of ten allows none: the threshold is the nearest impostor.
        assertEquals(0.3, IdentificationFigures.dirAtFpir(mated(), nonMated(), nearest, 0.01), 1e-12);
        assertEquals(0.6, IdentificationFigures.dirAtFpir(mated(), nonMated(), nearest, 0.5), 1e-12);
    }

    @Test
    void aRuleDecidesWithItsOwnThreshold() {
        // log-odds = 5 - 10 d1 (no margin weight): identified below d1 = 0.5.
        OpenSetRule rule = new OpenSetRule(new LogisticScore(5, -10, 0, 0.8), 0);
        IdentificationFigures.Decided decided = IdentificationFigures.decide(mated(), nonMated(), rule);
        assertEquals(0.4, decided.fpir(), 1e-12, "impostors at 0.305..0.455 are named");
        assertEquals(0.5, decided.dir(), 1e-12);
    }

    @Test
    void theReliabilityTableBinsTheTopConfidenceAgainstTheFractionRight() {
        OpenSetRule rule = new OpenSetRule(new LogisticScore(5, -10, 0, 0.8), 0);
        List<SearchedProbe> all = new ArrayList<>(mated());
        all.addAll(nonMated());
        List<IdentificationFigures.ReliabilityBin> bins = IdentificationFigures.reliability(all, rule, 2);
        // Above 0.5 (d1 < 0.5): five right, the wrong one at 0.2 and four impostors.
        assertEquals(10, bins.get(1).probes());
        assertEquals(0.5, bins.get(1).fractionCorrect(), 1e-12);
        // Below: three right and six impostors; the probe without a face is not binned.
        assertEquals(9, bins.get(0).probes());
        assertEquals(3 / 9.0, bins.get(0).fractionCorrect(), 1e-12);
        assertEquals(0, bins.get(0).from(), 0);
    }
}
