package io.facesearch.store.embedded.rocks;

import java.nio.ByteBuffer;

/**
 * Key of column family {@code changes}, the change log that search indexes catch up from:
 * <pre>
 * offset size field
 *      0    8 collection id, u64
 *      8    8 change sequence number, u64 (per collection, from 1, never reused)
 * </pre>
 * Value (17 bytes): u8 operation ({@link Change.Operation#code()}: 1 upsert, 2 delete), then the
 * face id (uuid). An upsert carries no vector: the index reads it from {@code faces}, and skips the
 * change if the face has been deleted since (a later delete change follows it in the log).
 */
record ChangeKey(long collectionId, long sequence) {

    byte[] encode() {
        return ByteBuffer.allocate(16).putLong(collectionId).putLong(sequence).array();
    }

    static ChangeKey decode(byte[] key) {
        ByteBuffer in = ByteBuffer.wrap(key);
        return new ChangeKey(in.getLong(), in.getLong());
    }
}
