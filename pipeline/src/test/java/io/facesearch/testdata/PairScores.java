package io.facesearch.testdata;

import io.facesearch.compare.DistanceMetric;
import io.facesearch.face.Embedding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every pair of a set of labelled embeddings, scored by cosine distance: how far apart same-person
 * and different-person pairs lie, and how well one threshold separates them.
 *
 * @param meanSame mean cosine distance of same-person pairs
 * @param meanDifferent mean cosine distance of different-person pairs
 * @param dPrime separation of the two distributions: difference of means over their pooled deviation
 * @param balancedAccuracy the best, over thresholds, of the mean of the same-person and
 *     different-person accuracies (the two classes weigh equally although different-person pairs
 *     are far more numerous)
 * @param accuracy the best plain accuracy over thresholds, every pair weighing the same
 * @param threshold the distance below which a pair is called the same person, for balancedAccuracy
 */
public record PairScores(int samePairs, int differentPairs, double meanSame, double meanDifferent, double dPrime,
        double balancedAccuracy, double accuracy, double threshold) {

    public static PairScores of(List<String> identities, List<Embedding> embeddings) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < embeddings.size(); i++) {
            for (int j = i + 1; j < embeddings.size(); j++) {
                boolean same = identities.get(i).equals(identities.get(j));
                scored.add(new double[] {DistanceMetric.COSINE.distance(embeddings.get(i), embeddings.get(j)), same ? 1 : 0});
            }
        }
        double[] same = scored.stream().filter(s -> s[1] == 1).mapToDouble(s -> s[0]).toArray();
        double[] different = scored.stream().filter(s -> s[1] == 0).mapToDouble(s -> s[0]).toArray();
        if (same.length == 0 || different.length == 0) {
            throw new IllegalArgumentException("need both same-person and different-person pairs");
        }
        scored.sort((a, b) -> Double.compare(a[0], b[0]));
        // Sweep the threshold upwards: pairs below it are called "same".
        int sameBelow = 0;
        int differentBelow = 0;
        double bestBalanced = 0.5;
        double bestPlain = (double) different.length / scored.size();
        double threshold = scored.get(0)[0];
        for (int k = 0; k < scored.size(); k++) {
            if (scored.get(k)[1] == 1) {
                sameBelow++;
            } else {
                differentBelow++;
            }
            if (k + 1 < scored.size() && scored.get(k + 1)[0] == scored.get(k)[0]) {
                continue;
            }
            double balanced = ((double) sameBelow / same.length + 1 - (double) differentBelow / different.length) / 2;
            if (balanced > bestBalanced) {
                bestBalanced = balanced;
                threshold = k + 1 < scored.size() ? (scored.get(k)[0] + scored.get(k + 1)[0]) / 2 : scored.get(k)[0];
            }
            bestPlain = Math.max(bestPlain, (double) (sameBelow + different.length - differentBelow) / scored.size());
        }
        double ms = mean(same);
        double md = mean(different);
        double pooled = Math.sqrt((variance(same, ms) + variance(different, md)) / 2);
        return new PairScores(same.length, different.length, ms, md, (md - ms) / pooled, bestBalanced, bestPlain,
                threshold);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double variance(double[] v, double mean) {
        return Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
    }

    @Override
    public String toString() {
        return String.format("%d same / %d different pairs: mean cosine distance %.3f vs %.3f, d' %.2f, "
                + "balanced accuracy %.3f (threshold %.3f), plain accuracy %.3f", samePairs, differentPairs, meanSame,
                meanDifferent, dPrime, balancedAccuracy, threshold, accuracy);
    }
}
