package io.facesearch.cli.local;

import io.facesearch.identify.Decision;
import io.facesearch.identify.ImpostorScores;
import io.facesearch.identify.OpenSetRule;
import io.facesearch.identify.OpenSetScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The open-set figures of searched probes. DIR (detection and identification rate) is the fraction of
 * mated probes whose top subject is the right person and is accepted; FPIR the fraction of non-mated
 * probes accepted. "DIR at FPIR f" sets the threshold from the non-mated probes themselves (the
 * protocol's oracle, to compare scores); the decided figures use a rule's own threshold.
 */
final class IdentificationFigures {

    /** One bin of a reliability table: predicted confidence against the observed fraction correct. */
    record ReliabilityBin(double from, double to, int probes, double meanConfidence, double fractionCorrect) {
    }

    /** What a rule decided: the fraction of non-mated probes named and of mated probes rightly named. */
    record Decided(double fpir, double dir) {
    }

    private IdentificationFigures() {
    }

    static double rank1(List<SearchedProbe> mated) {
        return fraction(mated.stream().filter(SearchedProbe::topIsRight).count(), mated.size());
    }

    static ImpostorScores nonMatedScores(List<SearchedProbe> nonMated, OpenSetScore score) {
        double[] scores = new double[nonMated.size()];
        for (int i = 0; i < scores.length; i++) {
            SearchedProbe p = nonMated.get(i);
            scores[i] = p.subjects().isEmpty() ? Double.NEGATIVE_INFINITY : score.score(p.subjects(), 0);
        }
        return ImpostorScores.of(scores);
    }

    static double dirAtFpir(List<SearchedProbe> mated, List<SearchedProbe> nonMated, OpenSetScore score,
            double fpir) {
        double threshold = nonMatedScores(nonMated, score).thresholdFor(fpir);
        long hits = mated.stream().filter(SearchedProbe::topIsRight)
                .filter(p -> score.score(p.subjects(), 0) > threshold).count();
        return fraction(hits, mated.size());
    }

    static Decided decide(List<SearchedProbe> mated, List<SearchedProbe> nonMated, OpenSetRule rule) {
        long falseAccepts = nonMated.stream().filter(p -> identified(p, rule)).count();
        long hits = mated.stream().filter(SearchedProbe::topIsRight).filter(p -> identified(p, rule)).count();
        return new Decided(fraction(falseAccepts, nonMated.size()), fraction(hits, mated.size()));
    }

    /** Confidence of the top subject in {@code bins} equal bins over [0, 1], probes of both kinds. */
    static List<ReliabilityBin> reliability(List<SearchedProbe> probes, OpenSetRule rule, int bins) {
        int[] count = new int[bins];
        double[] confidence = new double[bins];
        int[] correct = new int[bins];
        for (SearchedProbe p : probes) {
            if (p.subjects().isEmpty()) {
                continue;
            }
            double c = rule.decideSubjects(p.subjects()).confidence();
            int bin = Math.min(bins - 1, (int) (c * bins));
            count[bin]++;
            confidence[bin] += c;
            correct[bin] += p.topIsRight() ? 1 : 0;
        }
        List<ReliabilityBin> table = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            table.add(new ReliabilityBin(b / (double) bins, (b + 1) / (double) bins, count[b],
                    count[b] == 0 ? Double.NaN : confidence[b] / count[b],
                    count[b] == 0 ? Double.NaN : correct[b] / (double) count[b]));
        }
        return table;
    }

    private static boolean identified(SearchedProbe p, OpenSetRule rule) {
        return rule.decideSubjects(p.subjects()).decision() == Decision.IDENTIFIED;
    }

    private static double fraction(long part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
