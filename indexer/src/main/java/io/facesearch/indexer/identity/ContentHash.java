package io.facesearch.indexer.identity;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a photo's bytes: what makes two photos "identical" to the indexer. Held as four
 * longs rather than an array so that it is a value (equals, hashCode) and costs 48 bytes in the
 * sets of photos seen, which hold one per photo of the archive.
 */
public record ContentHash(long w0, long w1, long w2, long w3) {
    private static final int BYTES = 32;

    public static ContentHash of(byte[] content) {
        return fromBytes(sha256().digest(content));
    }

    /** Parses 64 hex digits, as written by {@link #hex()}. */
    public static ContentHash parse(String hex) {
        if (hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("a content hash has 64 hex digits, got " + hex.length());
        }
        return fromBytes(HexFormat.of().parseHex(hex));
    }

    /** The 32 bytes of the digest. */
    public byte[] bytes() {
        return ByteBuffer.allocate(BYTES).putLong(w0).putLong(w1).putLong(w2).putLong(w3).array();
    }

    /** 64 lower-case hex digits, as {@code sha256sum} prints them. */
    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    @Override
    public String toString() {
        return "sha256:" + hex();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ContentHash fromBytes(byte[] digest) {
        ByteBuffer b = ByteBuffer.wrap(digest);
        return new ContentHash(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
}
