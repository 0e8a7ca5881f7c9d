package io.facesearch.server.security;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One grant of a key: a permission on one collection, or on every collection ({@value #ANY}),
 * written {@code search:people}, {@code enroll:*}, {@code admin:*}.
 *
 * @param collection a collection name, or {@value #ANY}
 */
public record Scope(Permission permission, String collection) {
    /** Every collection, present and future. */
    public static final String ANY = "*";
    /** A collection name is at most 128 characters (ProtocolLimit); anything longer is a typo or an attack. */
    private static final int MAX_COLLECTION_BYTES = 128;

    public Scope {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(collection, "collection");
        if (collection.isEmpty() || collection.getBytes(StandardCharsets.UTF_8).length > MAX_COLLECTION_BYTES
                || !(collection.equals(ANY) || collection.matches("[A-Za-z0-9._-]+"))) {
            throw new IllegalArgumentException("a scope's collection is a collection name or *");
        }
    }

    /** Reads {@code permission:collection}, e.g. {@code search:people}; refuses anything else with a message that shows the form. */
    public static Scope parse(String text) {
        int colon = text.indexOf(':');
        String permission = colon < 0 ? text : text.substring(0, colon);
        Permission p = switch (permission) {
            case "search" -> Permission.SEARCH;
            case "enroll" -> Permission.ENROLL;
            case "admin" -> Permission.ADMIN;
            default -> null;
        };
        if (p == null || colon < 0) {
            throw new IllegalArgumentException("a scope is search|enroll|admin:COLLECTION or :*, e.g. search:people or enroll:*");
        }
        return new Scope(p, text.substring(colon + 1));
    }

    /** Whether this scope grants {@code needed} on {@code collection}. */
    public boolean grants(Permission needed, String collection) {
        return permission.includes(needed) && (this.collection.equals(ANY) || this.collection.equals(collection));
    }

    @Override
    public String toString() {
        return permission.label() + ":" + collection;
    }
}
