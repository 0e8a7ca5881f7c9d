package io.facesearch.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An API key as the server lists it: everything but the secret.
 *
 * @param id the server's id for the key; it names the key in the audit log and in {@code revokeKey}
 * @param scopes what the key may do, e.g. {@code search:people}, {@code enroll:*}, {@code admin:*}
 * @param expireTime when it stops working; null for never
 * @param revokeTime when it was revoked; null while in force
 */
public record ApiKey(String id, String name, List<String> scopes, Instant createTime, Instant expireTime, Instant revokeTime) {

    public ApiKey {
        scopes = List.copyOf(scopes);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expireTime);
    }

    public boolean revoked() {
        return revokeTime != null;
    }
}
