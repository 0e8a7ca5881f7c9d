package io.facesearch.server.service;

import io.facesearch.domain.StoredFace;
import java.util.List;

/**
 * What an enrolment stored and what it left out.
 *
 * @param replayed true when answered from an earlier request with the same id
 */
public record EnrollOutcome(List<StoredFace> faces, List<Rejection> rejected, boolean replayed) {
    public EnrollOutcome {
        faces = List.copyOf(faces);
        rejected = List.copyOf(rejected);
    }
}
