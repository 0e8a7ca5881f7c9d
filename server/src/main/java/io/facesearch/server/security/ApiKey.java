package io.facesearch.server.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as the server knows it: everything but its secret, of which only a hash is kept.
 *
 * @param expireTime when the key stops working; null for never
 * @param revokeTime when the key was revoked; null while it is in force
 */
public record ApiKey(String id, String name, List<Scope> scopes, Instant createTime, Instant expireTime, Instant revokeTime) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(createTime, "createTime");
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expireTime);
    }

    public Optional<Instant> revocation() {
        return Optional.ofNullable(revokeTime);
    }

    /** Whether the key has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expireTime != null && !now.isBefore(expireTime);
    }

    public boolean revoked() {
        return revokeTime != null;
    }

    /** Whether one of the key's scopes grants {@code needed} on {@code collection}. */
    public boolean grants(Permission needed, String collection) {
        return scopes.stream().anyMatch(s -> s.grants(needed, collection));
    }

    /** Whether the key grants {@code needed} on at least one collection. */
    public boolean grantsSomewhere(Permission needed) {
        return scopes.stream().anyMatch(s -> s.permission().includes(needed));
    }

    ApiKey revokedAt(Instant when) {
        return new ApiKey(id, name, scopes, createTime, expireTime, when);
    }
}
