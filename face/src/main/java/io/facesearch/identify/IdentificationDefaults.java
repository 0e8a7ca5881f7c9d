package io.facesearch.identify;

/**
 * The open-set defaults for the default pipeline (dlib chip, mirror averaging, euclidean distance),
 * fitted on the tuning half of LFW DevTrain's people and checked on the other half; the data, the
 * command and the figures are in docs/accuracy.md ("Identification (1:N)").
 */
public final class IdentificationDefaults {

    /**
     * Faces a search returns to the decision, without a distance cut: enough subjects for the
     * runner-up (and a cohort of ten) when each has one face. The defaults were fitted with it.
     */
    public static final int FACES_PER_SEARCH = 20;

    /** One probe in a hundred of people who are not enrolled may get a name: the rate users set. */
    public static final double TARGET_FPIR = 0.01;

    /**
     * Logistic model on (d1, d2 - d1), fitted by maximum likelihood on the tuning half's 3,925 probes
     * (2,478 mated and 1,447 non-mated against 599 enrolled people; "correct" means the top subject
     * is the person), with docs/tools/identification_tuning.py. The absent runner-up is the median
     * distance of the nearest other subject for the mated probes there (0.56 at 599 people; a smaller
     * collection's strangers are farther, so a lone subject is judged conservatively).
     */
    public static final LogisticScore SCORE = new LogisticScore(13.1289, -30.2321, 37.4674, 0.5596);

    /**
     * A collection must allow at least this many false accepts among its own impostor searches at
     * the target rate before its estimate replaces the default (2 at FPIR 1 % needs 200 subjects):
     * with fewer, the quantile is one score and too noisy.
     */
    public static final int MIN_FALSE_ACCEPTS = 2;

    /**
     * Target FPIRs with their thresholds on the tuning half (the top scores of its 1,447 non-mated
     * probes against 599 enrolled people), strictest last. Below about 600 people they are
     * conservative: fewer strangers, fewer near ones.
     */
    private static final double[][] THRESHOLDS = {
        {0.1, -0.5271},
        {0.03, 0.9847},
        {0.01, 2.8353},
        {0.003, 4.4937},
        {0.001, 6.0351},
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
