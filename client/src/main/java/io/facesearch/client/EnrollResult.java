package io.facesearch.client;

import java.util.List;

/**
 * What one enrolment stored. Empty {@code faces} means nothing was stored: the photo held no face,
 * or every face was rejected.
 *
 * @param requestId the idempotency key the enrolment was sent with; retry with it to be safe
 * @param faces the faces stored, main face first
 * @param rejected the faces found but not stored
 * @param replayed true when the server answered from an earlier enrolment with the same request id
 */
public record EnrollResult(String requestId, List<EnrolledFace> faces, List<RejectedFace> rejected, boolean replayed) {

    public EnrollResult {
        faces = List.copyOf(faces);
        rejected = List.copyOf(rejected);
    }

    /** True when at least one face was stored. */
    public boolean enrolled() {
        return !faces.isEmpty();
    }
}
