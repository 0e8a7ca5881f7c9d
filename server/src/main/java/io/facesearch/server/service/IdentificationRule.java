package io.facesearch.server.service;

import io.facesearch.compare.MatchThreshold;
import io.facesearch.identify.Decision;
import io.facesearch.identify.FaceCandidate;
import io.facesearch.identify.Identification;
import io.facesearch.identify.OpenSetRule;
import io.facesearch.identify.RankedSubject;
import io.facesearch.identify.SubjectCandidate;
import io.facesearch.identify.SubjectCandidates;
import java.util.ArrayList;
import java.util.List;

/**
 * How one collection decides who a face is, at one target FPIR: the open-set rule where its
 * calibration holds, else the 1:1 distance threshold on the nearest subject.
 */
final class IdentificationRule {
    private final OpenSetRule openSet;
    private final MatchThreshold distance;
    private final OpenSetBasis basis;

    private IdentificationRule(OpenSetRule openSet, MatchThreshold distance, OpenSetBasis basis) {
        this.openSet = openSet;
        this.distance = distance;
        this.basis = basis;
    }

    static IdentificationRule openSet(OpenSetRule rule, OpenSetBasis basis) {
        return new IdentificationRule(rule, null, basis);
    }

    static IdentificationRule distance(MatchThreshold threshold, double targetFpir) {
        return new IdentificationRule(null, threshold, new OpenSetBasis(targetFpir, ThresholdSource.DISTANCE_THRESHOLD, 0));
    }

    OpenSetBasis basis() {
        return basis;
    }

    /** Decides on the faces an index returned, nearest first, without a distance cut. */
    Identification decide(List<FaceCandidate> faces) {
        if (openSet != null) {
            return openSet.decide(faces);
        }
        List<SubjectCandidate> subjects = SubjectCandidates.group(faces);
        // The confidence is the 1:1 similarity scale (50 % at the threshold): no open-set calibration
        // exists for these distances.
        List<RankedSubject> ranked = new ArrayList<>(subjects.size());
        for (SubjectCandidate s : subjects) {
            ranked.add(new RankedSubject(s, distance.similarityPercent(s.distance()) / 100));
        }
        if (ranked.isEmpty()) {
            return new Identification(Decision.UNKNOWN, 0, Double.NEGATIVE_INFINITY, -distance.threshold(), ranked);
        }
        double nearest = subjects.getFirst().distance();
        Decision decision = distance.matches(nearest) ? Decision.IDENTIFIED : Decision.UNKNOWN;
        return new Identification(decision, ranked.getFirst().confidence(), -nearest, -distance.threshold(), ranked);
    }
}
