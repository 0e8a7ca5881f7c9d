package io.facesearch.store.embedded.rocks;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Key of column family {@code faces}; 24 bytes:
 * <pre>
 * offset size field
 *      0    8 collection id, u64
 *      8   16 face id, uuid (see {@link ByteLayout})
 * </pre>
 * All faces of a collection share the 8-byte prefix, so a collection is one key range.
 */
record FaceKey(long collectionId, UUID faceId) {
    static final int LENGTH = 24;

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH).putLong(collectionId);
        ByteLayout.putUuid(out, faceId);
        return out.array();
    }

    static FaceKey decode(byte[] key) {
        ByteBuffer in = ByteBuffer.wrap(key);
        return new FaceKey(in.getLong(), ByteLayout.getUuid(in));
    }
}
