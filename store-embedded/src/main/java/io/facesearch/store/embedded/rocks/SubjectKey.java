package io.facesearch.store.embedded.rocks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key of column family {@code subjects}:
 * <pre>
 * offset size field
 *      0    8 collection id, u64
 *      8    n subject id, UTF-8, no length prefix (the key ends with it)
 * </pre>
 * Subjects of a collection therefore list in bytewise order of their UTF-8 ids.
 */
record SubjectKey(long collectionId, String subjectId) {

    byte[] encode() {
        byte[] subject = subjectId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + subject.length).putLong(collectionId).put(subject).array();
    }

    static SubjectKey decode(byte[] key) {
        ByteBuffer in = ByteBuffer.wrap(key);
        long collectionId = in.getLong();
        return new SubjectKey(collectionId, new String(key, 8, key.length - 8, StandardCharsets.UTF_8));
    }
}
