package io.facesearch.identify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a probe's face candidates per subject. */
public final class SubjectCandidates {

    private SubjectCandidates() {
    }

    /**
     * One entry per subject, nearest first; a subject's distance is that of its nearest face. Ties
     * keep the order of the input, so that equal distances give the same answer every time.
     *
     * @param faces the faces an index returned, in any order
     */
    public static List<SubjectCandidate> group(List<FaceCandidate> faces) {
        List<FaceCandidate> sorted = new ArrayList<>(faces);
        sorted.sort(Comparator.comparingDouble(FaceCandidate::distance));
        Map<String, SubjectCandidate> bySubject = new LinkedHashMap<>();
        for (FaceCandidate f : sorted) {
            bySubject.merge(f.subjectId(), new SubjectCandidate(f.subjectId(), f.distance(), f.faceId(), 1),
                    (nearest, more) -> new SubjectCandidate(nearest.subjectId(), nearest.distance(),
                            nearest.faceId(), nearest.nearFaces() + 1));
        }
        return List.copyOf(bySubject.values());
    }
}
