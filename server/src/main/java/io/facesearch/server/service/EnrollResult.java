package io.facesearch.server.service;

import io.facesearch.domain.StoredFace;
import java.util.List;

/**
 * What an enrolment stored and what it left out.
 *
 * @param replayed true when answered from an earlier request with the same id
 */
public record EnrollResult(List<StoredFace> faces, List<Rejection> rejected, boolean replayed) {
    public EnrollResult {
        faces = List.copyOf(faces);
        rejected = List.copyOf(rejected);
    }
}
