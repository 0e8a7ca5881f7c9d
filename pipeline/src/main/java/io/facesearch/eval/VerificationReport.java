package io.facesearch.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Verification accuracy over scored pairs, the way LFW reports it: 10-fold cross-validation (the
 * threshold is chosen on nine folds and applied to the tenth), plus the best single threshold, the
 * true-accept rate at a false-accept rate of 1e-3, and ROC points. An unscorable pair (no face in
 * one of its images) is always counted as an error.
 */
public record VerificationReport(int pairs, int unscorable, double accuracy, double accuracyStdDev,
        double bestThreshold, double bestThresholdAccuracy, double tarAtFar1e3, List<double[]> roc) {

    /** Seed of the fold split for files that declare no folds, so runs are comparable. */
    static final long FOLD_SEED = 20_260_101L;

    /**
     * @param distances one per pair; {@code NaN} marks an unscorable pair
     * @param same whether each pair is the same person
     * @param folds declared folds (pairs split in file order) or 0 for a fixed random 10-fold split
     */
    public static VerificationReport of(double[] distances, boolean[] same, int folds) {
        int n = distances.length;
        int k = folds > 0 ? folds : 10;
        int[] fold = new int[n];
        if (folds > 0) {
            for (int i = 0; i < n; i++) {
                fold[i] = (int) ((long) i * k / n);
            }
        } else {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Collections.shuffle(Arrays.asList(order), new Random(FOLD_SEED));
            for (int r = 0; r < n; r++) {
                fold[order[r]] = r % k;
            }
        }
        double[] foldAccuracy = new double[k];
        for (int f = 0; f < k; f++) {
            boolean[] train = new boolean[n];
            for (int i = 0; i < n; i++) {
                train[i] = fold[i] != f;
            }
            double t = bestThreshold(distances, same, train);
            int correct = 0;
            int total = 0;
            for (int i = 0; i < n; i++) {
                if (!train[i]) {
                    total++;
                    correct += correct(distances[i], same[i], t) ? 1 : 0;
                }
            }
            foldAccuracy[f] = total == 0 ? 0 : (double) correct / total;
        }
        double mean = Arrays.stream(foldAccuracy).average().orElse(0);
        double var = Arrays.stream(foldAccuracy).map(a -> (a - mean) * (a - mean)).sum() / k;
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        double best = bestThreshold(distances, same, all);
        int correct = 0;
        int unscorable = 0;
        for (int i = 0; i < n; i++) {
            correct += correct(distances[i], same[i], best) ? 1 : 0;
            unscorable += Double.isNaN(distances[i]) ? 1 : 0;
        }
        return new VerificationReport(n, unscorable, mean, Math.sqrt(var), best, (double) correct / n,
                tarAtFar(distances, same, 1e-3), roc(distances, same));
    }

    private static boolean correct(double d, boolean same, double threshold) {
        return !Double.isNaN(d) && (d < threshold) == same;
    }

    /** The threshold maximising accuracy on the selected pairs: midway between adjacent distances. */
    static double bestThreshold(double[] d, boolean[] same, boolean[] use) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (use[i] && !Double.isNaN(d[i])) {
                scored.add(new double[] {d[i], same[i] ? 1 : 0});
            }
        }
        scored.sort((a, b) -> Double.compare(a[0], b[0]));
        int positives = (int) scored.stream().filter(s -> s[1] == 1).count();
        // Threshold below everything: every pair is "different".
        int correct = scored.size() - positives;
        int bestCorrect = correct;
        double best = scored.isEmpty() ? 0 : scored.get(0)[0] - 1e-6;
        for (int i = 0; i < scored.size(); i++) {
            correct += scored.get(i)[1] == 1 ? 1 : -1;
            boolean distinctNext = i + 1 == scored.size() || scored.get(i + 1)[0] > scored.get(i)[0];
            if (distinctNext && correct > bestCorrect) {
                bestCorrect = correct;
                best = i + 1 == scored.size() ? scored.get(i)[0] + 1e-6
                        : (scored.get(i)[0] + scored.get(i + 1)[0]) / 2;
            }
        }
        return best;
    }

    /** Fraction of same-person pairs accepted at the largest threshold whose false-accept rate is <= far. */
    static double tarAtFar(double[] d, boolean[] same, double far) {
        double[] negatives = values(d, same, false);
        double[] positives = values(d, same, true);
        int totalPositives = count(same, true);
        int totalNegatives = count(same, false);
        Arrays.sort(negatives);
        int allowed = (int) Math.floor(far * totalNegatives);
        // Accept distances strictly below the (allowed+1)-th smallest negative distance.
        double threshold = allowed < negatives.length ? negatives[allowed] : Double.POSITIVE_INFINITY;
        long accepted = Arrays.stream(positives).filter(x -> x < threshold).count();
        return totalPositives == 0 ? 0 : (double) accepted / totalPositives;
    }

    /** (FAR, TAR) at 20 thresholds spread over the observed distances. */
    static List<double[]> roc(double[] d, boolean[] same) {
        double[] scored = Arrays.stream(d).filter(x -> !Double.isNaN(x)).sorted().toArray();
        List<double[]> points = new ArrayList<>();
        if (scored.length == 0) {
            return points;
        }
        int pos = count(same, true);
        int neg = count(same, false);
        for (int q = 1; q <= 20; q++) {
            double t = scored[Math.min(scored.length - 1, q * scored.length / 21)];
            int ta = 0;
            int fa = 0;
            for (int i = 0; i < d.length; i++) {
                if (!Double.isNaN(d[i]) && d[i] < t) {
                    if (same[i]) {
                        ta++;
                    } else {
                        fa++;
                    }
                }
            }
            points.add(new double[] {t, neg == 0 ? 0 : (double) fa / neg, pos == 0 ? 0 : (double) ta / pos});
        }
        return points;
    }

    private static double[] values(double[] d, boolean[] same, boolean which) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (same[i] == which && !Double.isNaN(d[i])) {
                out.add(d[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int count(boolean[] same, boolean which) {
        int c = 0;
        for (boolean s : same) {
            c += s == which ? 1 : 0;
        }
        return c;
    }
}
