package io.facesearch.server.security;

import java.util.Locale;

/**
 * What a key may do in a collection. Each permission includes the ones before it: {@code enroll}
 * can search, {@code admin} can enrol and search.
 */
public enum Permission {
    /** Search, verify, detect, describe a collection, read its faces and subjects. */
    SEARCH,
    /** Enrol and delete faces and subjects. */
    ENROLL,
    /** Create, delete and compact collections; on every collection ({@code admin:*}) also manage keys. */
    ADMIN;

    /** Whether holding this permission grants {@code needed}. */
    public boolean includes(Permission needed) {
        return compareTo(needed) >= 0;
    }

    /** The permission's name in a scope: {@code search}, {@code enroll}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
