package io.facesearch.store.embedded.rocks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Key of column family {@code counters}; 9 bytes:
 * <pre>
 * offset size field
 *      0    8 collection id, u64
 *      8    1 counter kind: 1 faces, 2 subjects
 * </pre>
 * Value: a u64 in <em>little-endian</em> order, updated only by merges of RocksDB's
 * {@code UInt64AddOperator} (which reads and writes that order). A decrement is a merge of the
 * two's complement, since the operator adds modulo 2^64.
 */
record CounterKey(long collectionId, Kind kind) {

    enum Kind {
        FACES(1), SUBJECTS(2);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    byte[] encode() {
        return ByteBuffer.allocate(9).putLong(collectionId).put((byte) kind.code).array();
    }

    static byte[] delta(long delta) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(delta).array();
    }

    static long value(byte[] stored) {
        return stored == null ? 0 : ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
