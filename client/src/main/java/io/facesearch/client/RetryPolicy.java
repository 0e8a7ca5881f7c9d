package io.facesearch.client;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.DetectionServiceGrpc;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.KeyServiceGrpc;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.api.v1.VerificationServiceGrpc;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.Map;

/**
 * The gRPC service config under which the channel retries idempotent calls that fail with
 * UNAVAILABLE (the server restarting, a connection reset). Reads, searches, verifications and
 * deletes are idempotent by nature; Enroll is made idempotent by the request id this client always
 * sends, which the server uses to answer a retry with what the first attempt stored.
 * CreateCollection is not retried (a retry after a lost reply would answer ALREADY_EXISTS), nor is CreateKey
 * (a retry after a lost reply would make a second key), nor is
 * EnrollStream (its items carry their own request ids: resubmit them on a new stream).
 */
final class RetryPolicy {
    /** gRPC caps attempts at 5 unless the channel raises its limit; 4 rides out a restart of a second or two. */
    static final int DEFAULT_MAX_ATTEMPTS = 4;

    private static final List<MethodDescriptor<?, ?>> IDEMPOTENT = List.of(
            CollectionServiceGrpc.getDescribeCollectionMethod(),
            CollectionServiceGrpc.getListCollectionsMethod(),
            CollectionServiceGrpc.getDeleteCollectionMethod(),
            EnrollmentServiceGrpc.getEnrollMethod(),
            SearchServiceGrpc.getSearchMethod(),
            SearchServiceGrpc.getSearchByEmbeddingMethod(),
            SearchServiceGrpc.getSearchByFaceIdMethod(),
            VerificationServiceGrpc.getVerifyMethod(),
            DetectionServiceGrpc.getDetectMethod(),
            FaceServiceGrpc.getListSubjectsMethod(),
            FaceServiceGrpc.getListFacesMethod(),
            FaceServiceGrpc.getGetFaceMethod(),
            FaceServiceGrpc.getDeleteFacesMethod(),
            FaceServiceGrpc.getDeleteSubjectMethod(),
            KeyServiceGrpc.getListKeysMethod(),
            KeyServiceGrpc.getRevokeKeyMethod());

    private RetryPolicy() {
    }

    /**
     * The service config, in the JSON-like form gRPC takes (numbers as doubles, durations as
     * strings of seconds).
     *
     * @param maxAttempts attempts per call, the first included; at least 2
     */
    static Map<String, Object> serviceConfig(int maxAttempts) {
        List<Map<String, Object>> names = IDEMPOTENT.stream()
                .<Map<String, Object>>map(m -> Map.of("service", m.getServiceName(), "method", m.getBareMethodName()))
                .toList();
        Map<String, Object> retry = Map.of(
                "maxAttempts", (double) maxAttempts,
                // Backoff grows 0.2 s, 0.4 s, 0.8 s (each randomised below that): a restart fits in.
                "initialBackoff", "0.2s",
                "maxBackoff", "2s",
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE"));
        return Map.of("methodConfig", List.of(Map.of("name", names, "retryPolicy", retry)));
    }

    /** The idempotent methods, by full name; for tests and documentation. */
    static List<String> idempotentMethods() {
        return IDEMPOTENT.stream().map(MethodDescriptor::getFullMethodName).toList();
    }
}
