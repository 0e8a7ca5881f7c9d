package io.facesearch.server.audit;

import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which faces, and how it ended. Never an image, an
 * embedding, metadata or a secret. Empty strings and lists stand for fields that do not apply, so
 * every line has every field.
 *
 * @param time when the call (or stream item) ended, ISO-8601 UTC
 * @param keyId the id of the API key that made the call; empty when none authenticated it
 * @param rpc the method's name, e.g. {@code Enroll}, {@code SearchByEmbedding}, {@code CreateKey}
 * @param peer the client's address as the transport saw it
 * @param collection the collection named by the request; empty for calls bound to none
 * @param subjects subject ids the call named or returned (enrolled, deleted, matched, listed)
 * @param faceIds face ids the call named or returned
 * @param faces how many faces the call handled: enrolled, deleted, detected, or query faces searched
 * @param requestId the enrolment's idempotency key, when it had one
 * @param managedKeyId for key management, the key created or revoked
 * @param truncated true when {@code subjects} or {@code faceIds} were cut at {@link #MAX_IDS}
 * @param status the gRPC status code the call (or stream item) ended with, e.g. {@code OK}, {@code PERMISSION_DENIED}
 */
public record AuditRecord(String time, String keyId, String rpc, String peer, String collection, List<String> subjects,
        List<String> faceIds, int faces, String requestId, String managedKeyId, boolean truncated, String status) {
    /** Ids kept per list: a page of a listing at most (ProtocolLimit MAX_RESULTS). */
    public static final int MAX_IDS = 1000;

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        subjects = List.copyOf(subjects);
        faceIds = List.copyOf(faceIds);
    }
}
