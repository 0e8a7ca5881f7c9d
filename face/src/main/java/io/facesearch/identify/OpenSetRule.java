package io.facesearch.identify;

import java.util.ArrayList;
import java.util.List;

/**
 * The open-set decision: the top subject is {@link Decision#IDENTIFIED} when its score is strictly
 * above the threshold, else the probe is {@link Decision#UNKNOWN}. The threshold comes from a target
 * false positive identification rate (FPIR): estimated from a collection's own impostor scores when
 * there are enough of them, else {@link IdentificationDefaults}' threshold calibrated on DevTrain.
 */
public record OpenSetRule(LogisticScore score, double threshold) {

    public OpenSetRule {
        if (score == null || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("a rule needs a score and a threshold");
        }
    }

    /** The default score at the default target FPIR, with the threshold calibrated on DevTrain. */
    public static OpenSetRule defaults() {
        return new OpenSetRule(IdentificationDefaults.SCORE,
                IdentificationDefaults.threshold(IdentificationDefaults.TARGET_FPIR));
    }

    /**
     * The default score at a target FPIR: the threshold estimated from {@code impostors} (scored with
     * {@link IdentificationDefaults#SCORE}) when they allow at least
     * {@link IdentificationDefaults#MIN_FALSE_ACCEPTS} false accepts at that rate, else the calibrated
     * default.
     */
    public static OpenSetRule forTargetFpir(double fpir, ImpostorScores impostors) {
        double threshold = impostors.canEstimate(fpir, IdentificationDefaults.MIN_FALSE_ACCEPTS)
                ? impostors.thresholdFor(fpir)
                : IdentificationDefaults.threshold(fpir);
        return new OpenSetRule(IdentificationDefaults.SCORE, threshold);
    }

    /** Groups the face candidates per subject and decides; no candidate at all is {@code unknown}. */
    public Identification decide(List<FaceCandidate> faces) {
        return decideSubjects(SubjectCandidates.group(faces));
    }

    /** Decides on subject candidates already grouped, nearest first. */
    public Identification decideSubjects(List<SubjectCandidate> subjects) {
        if (subjects.isEmpty()) {
            return new Identification(Decision.UNKNOWN, 0, Double.NEGATIVE_INFINITY, threshold, List.of());
        }
        List<RankedSubject> ranked = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            ranked.add(new RankedSubject(subjects.get(i), score.confidence(subjects, i)));
        }
        double top = score.score(subjects, 0);
        Decision decision = top > threshold ? Decision.IDENTIFIED : Decision.UNKNOWN;
        return new Identification(decision, ranked.get(0).confidence(), top, threshold, ranked);
    }
}
