package io.facesearch.server.security;

import java.util.Optional;

/**
 * Who made a call, as far as authentication could tell: a key, a refusal (no key, an unknown,
 * expired or revoked one), or, on a server with authentication turned off, anyone.
 *
 * @param key the key that authenticated the call; null when refused or unrestricted
 * @param refusal why the call is not authenticated, for the caller; null when it is
 */
public record Caller(ApiKey key, String refusal) {
    private static final Caller UNRESTRICTED = new Caller(null, null);

    /** A call on a server with {@code auth.enabled=false}: everything is allowed. */
    public static Caller unrestricted() {
        return UNRESTRICTED;
    }

    public static Caller of(ApiKey key) {
        return new Caller(key, null);
    }

    public static Caller refused(String why) {
        return new Caller(null, why);
    }

    public boolean authenticated() {
        return refusal == null;
    }

    /** The key's id, for the audit log; empty when no key authenticated the call. */
    public String keyId() {
        return key == null ? "" : key.id();
    }

    public Optional<ApiKey> apiKey() {
        return Optional.ofNullable(key);
    }

    /** Whether the caller may do {@code needed} on {@code collection}. */
    public boolean may(Permission needed, String collection) {
        return authenticated() && (key == null || key.grants(needed, collection));
    }

    /** Whether the caller may do {@code needed} on some collection: for calls bound to none (Detect). */
    public boolean maySomewhere(Permission needed) {
        return authenticated() && (key == null || key.grantsSomewhere(needed));
    }
}
