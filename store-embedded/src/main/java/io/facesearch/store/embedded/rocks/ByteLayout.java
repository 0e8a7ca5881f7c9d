package io.facesearch.store.embedded.rocks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The primitive encodings every key and value of the store is built from. All multi-byte numbers
 * are big-endian so that keys sort numerically under RocksDB's bytewise comparator; the one
 * exception is the counters column family (see {@link CounterKey}).
 *
 * <ul>
 *   <li>u8, u16, u32, u64: unsigned big-endian integers of 1, 2, 4, 8 bytes
 *   <li>f32: IEEE 754 single, big-endian
 *   <li>str16: u16 byte length, then that many bytes of UTF-8
 *   <li>uuid: 16 bytes, most significant long then least significant long, each u64
 * </ul>
 */
final class ByteLayout {
    private ByteLayout() {
    }

    static void putString(ByteBuffer out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("string longer than 65535 UTF-8 bytes");
        }
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    static String getString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Bytes {@link #putString} needs for {@code s}. */
    static int stringSize(String s) {
        return 2 + s.getBytes(StandardCharsets.UTF_8).length;
    }

    static void putUuid(ByteBuffer out, UUID id) {
        out.putLong(id.getMostSignificantBits());
        out.putLong(id.getLeastSignificantBits());
    }

    static UUID getUuid(ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }

    /** The first 8 bytes of every collection-scoped key: the collection id as u64. */
    static byte[] collectionPrefix(long collectionId) {
        return ByteBuffer.allocate(8).putLong(collectionId).array();
    }

    /** The exclusive upper bound of a collection's keys: the next collection id as u64. */
    static byte[] collectionEnd(long collectionId) {
        return collectionPrefix(collectionId + 1);
    }
}
