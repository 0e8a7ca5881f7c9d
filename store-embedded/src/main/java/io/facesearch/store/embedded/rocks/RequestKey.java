package io.facesearch.store.embedded.rocks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key of column family {@code requests}, which makes enrolment idempotent:
 * <pre>
 * offset size field
 *      0    8 collection id, u64
 *      8    n request id, UTF-8 (the key ends with it)
 * </pre>
 * Value: u16 face count n, then n face ids (uuid, 16 bytes each), in the order the request
 * enrolled them.
 */
record RequestKey(long collectionId, String requestId) {

    byte[] encode() {
        byte[] id = requestId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + id.length).putLong(collectionId).put(id).array();
    }
}
