package io.facesearch.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How the server authenticates calls.
 *
 * @param enabled {@code auth.enabled}: whether every call needs an API key (health and reflection excepted); true unless turned
 *     off explicitly, for embedding the server in a trusted process
 * @param adminKey {@code admin.key} (environment {@code FACESEARCH_ADMIN_KEY}): the bootstrap admin secret registered at the
 *     first start instead of a generated one written to {@code <data>/admin.key}
 */
public record AuthSettings(boolean enabled, Optional<String> adminKey) {

    public AuthSettings {
        Objects.requireNonNull(adminKey, "adminKey");
    }

    /** Never prints the secret: configurations end up in logs. */
    @Override
    public String toString() {
        return "AuthSettings[enabled=" + enabled + ", adminKey=" + (adminKey.isPresent() ? "(given)" : "(none)") + "]";
    }
}
