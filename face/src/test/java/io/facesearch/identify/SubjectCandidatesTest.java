package io.facesearch.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectCandidatesTest {

    @Test
    void oneEntryPerSubjectNearestFirstWithItsNearestFaceAndItsCount() {
        List<SubjectCandidate> subjects = SubjectCandidates.group(List.of(
                new FaceCandidate("b1", "bob", 0.50),
                new FaceCandidate("a2", "alice", 0.42),
                new FaceCandidate("a1", "alice", 0.30),
                new FaceCandidate("c1", "carol", 0.45),
                new FaceCandidate("b2", "bob", 0.70)));
        assertEquals(List.of(
                new SubjectCandidate("alice", 0.30, "a1", 2),
                new SubjectCandidate("carol", 0.45, "c1", 1),
                new SubjectCandidate("bob", 0.50, "b1", 2)), subjects);
    }

    @Test
    void equalDistancesKeepTheIndexOrder() {
        List<SubjectCandidate> subjects = SubjectCandidates.group(List.of(
                new FaceCandidate("x", "xavier", 0.5), new FaceCandidate("y", "yolanda", 0.5)));
        assertEquals("xavier", subjects.get(0).subjectId());
        assertEquals("yolanda", subjects.get(1).subjectId());
    }

    @Test
    void noFacesNoSubjects() {
        assertTrue(SubjectCandidates.group(List.of()).isEmpty());
    }
}
