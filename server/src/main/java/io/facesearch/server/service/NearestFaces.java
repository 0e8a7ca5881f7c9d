package io.facesearch.server.service;

import io.facesearch.domain.StoredFace;
import io.facesearch.identify.FaceCandidate;
import io.facesearch.store.Neighbor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** What an index returned, with the subject of each face read from the store. */
final class NearestFaces {

    private NearestFaces() {
    }

    /**
     * The neighbors that pass {@code keep}, nearest first, as candidates of the open-set decision. A
     * face deleted between the index search and this read is left out. Call under {@link OpenCollection#use}.
     */
    static List<FaceCandidate> resolve(OpenCollection collection, List<Neighbor> neighbors, Predicate<Neighbor> keep) {
        List<UUID> ids = new ArrayList<>(neighbors.size());
        for (Neighbor n : neighbors) {
            if (keep.test(n)) {
                ids.add(n.faceId());
            }
        }
        Map<UUID, String> subjects = new HashMap<>();
        for (StoredFace face : collection.store().getAll(ids)) {
            subjects.put(face.faceId(), face.subjectId());
        }
        List<FaceCandidate> candidates = new ArrayList<>(ids.size());
        for (Neighbor n : neighbors) {
            String subject = subjects.get(n.faceId());
            if (subject != null && keep.test(n)) {
                candidates.add(new FaceCandidate(n.faceId().toString(), subject, n.distance()));
            }
        }
        return candidates;
    }
}
