package io.facesearch.store.embedded.rocks;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Key of column family {@code subject_faces}, the subject-to-faces index; the value is empty:
 * <pre>
 * offset   size field
 *      0      8 collection id, u64
 *      8  2 + n subject id, str16
 * 10 + n     16 face id, uuid
 * </pre>
 * The subject is length-prefixed so that the faces of subject "ab" form a key range that no
 * face of subject "abc" falls into: {@link #subjectPrefix} is a prefix of exactly one subject's keys.
 */
record SubjectFaceKey(long collectionId, String subjectId, UUID faceId) {

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(8 + ByteLayout.stringSize(subjectId) + 16);
        out.putLong(collectionId);
        ByteLayout.putString(out, subjectId);
        ByteLayout.putUuid(out, faceId);
        return out.array();
    }

    static SubjectFaceKey decode(byte[] key) {
        ByteBuffer in = ByteBuffer.wrap(key);
        long collectionId = in.getLong();
        String subject = ByteLayout.getString(in);
        return new SubjectFaceKey(collectionId, subject, ByteLayout.getUuid(in));
    }

    /** The bytes every key of this subject starts with. */
    static byte[] subjectPrefix(long collectionId, String subjectId) {
        ByteBuffer out = ByteBuffer.allocate(8 + ByteLayout.stringSize(subjectId));
        out.putLong(collectionId);
        ByteLayout.putString(out, subjectId);
        return out.array();
    }
}
