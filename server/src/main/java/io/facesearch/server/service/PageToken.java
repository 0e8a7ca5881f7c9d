package io.facesearch.server.service;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque page tokens of listings: URL-safe base64 (no padding) of
 * <pre>
 * size field
 *    1 kind, u8: 1 subjects, 2 faces of a collection, 3 faces of a subject
 *    8 collection id, u64 (a token is only good for the collection that issued it)
 *    n position: the last subject id (UTF-8) for kind 1; the last face id (16 bytes) for kinds 2, 3
 * </pre>
 * Tokens hold a position, not a snapshot: a listing resumes after the last item returned, so items
 * added or deleted meanwhile are seen or skipped, but none is returned twice.
 */
final class PageToken {
    enum Kind {
        SUBJECTS, FACES, SUBJECT_FACES
    }

    private PageToken() {
    }

    static String subjects(long collectionId, String lastSubject) {
        byte[] subject = lastSubject.getBytes(StandardCharsets.UTF_8);
        return encode(ByteBuffer.allocate(9 + subject.length).put((byte) 1).putLong(collectionId).put(subject));
    }

    static String faces(Kind kind, long collectionId, UUID lastFace) {
        ByteBuffer out = ByteBuffer.allocate(25).put((byte) (kind.ordinal() + 1)).putLong(collectionId);
        return encode(out.putLong(lastFace.getMostSignificantBits()).putLong(lastFace.getLeastSignificantBits()));
    }

    /** The subject to resume after, or null for the first page. */
    static String decodeSubject(String token, long collectionId) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        ByteBuffer in = decode(token, Kind.SUBJECTS, collectionId);
        byte[] subject = new byte[in.remaining()];
        in.get(subject);
        return new String(subject, StandardCharsets.UTF_8);
    }

    /** The face to resume after, or null for the first page. */
    static UUID decodeFace(String token, Kind kind, long collectionId) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        ByteBuffer in = decode(token, kind, collectionId);
        if (in.remaining() != 16) {
            throw invalid();
        }
        return new UUID(in.getLong(), in.getLong());
    }

    private static String encode(ByteBuffer buffer) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private static ByteBuffer decode(String token, Kind kind, long collectionId) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            if (in.get() != kind.ordinal() + 1 || in.getLong() != collectionId) {
                throw invalid();
            }
            return in;
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw invalid();
        }
    }

    private static FaceSearchException invalid() {
        return FaceSearchException.invalid("page_token was not issued by this listing: pass next_page_token of the previous page"
                + " unchanged, with the same collection and subject, or leave it empty for the first page");
    }
}
