package io.facesearch.cli.local;

import io.facesearch.identify.SubjectCandidate;
import java.util.List;

/**
 * A probe after its search: the person it shows when enrolled (null for a non-mated probe) and its
 * subject candidates, nearest first (empty when no face was found in the photo).
 */
record SearchedProbe(String truth, List<SubjectCandidate> subjects) {

    boolean topIsRight() {
        return truth != null && !subjects.isEmpty() && subjects.get(0).subjectId().equals(truth);
    }
}
