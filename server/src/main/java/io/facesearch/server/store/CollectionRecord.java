package io.facesearch.server.store;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * A collection's settings as stored in column family {@code collections}, keyed by the collection
 * name in UTF-8. Value layout:
 * <pre>
 * offset size field
 *      0    1 layout version, u8 = 1
 *      1    8 collection id, u64 (prefix of every key the collection owns; never reused)
 *      9    1 metric code, u8 ({@link Metric#code()})
 *     10    4 default threshold, f32
 *     14    1 index format code, u8 ({@link IndexFormat#code()})
 *     15    2 embedding dimension, u16
 *     17    8 creation time, u64 milliseconds since the epoch
 *     25  2+n model id, str16
 * </pre>
 */
public record CollectionRecord(
        String name,
        long id,
        Metric metric,
        float threshold,
        IndexFormat indexFormat,
        int dimension,
        Instant created,
        String modelId) {

    private static final int VERSION = 1;

    public CollectionRecord {
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("embedding dimension must be in [1, 4096], got " + dimension);
        }
        if (!(threshold > 0) || Float.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + threshold);
        }
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(25 + ByteLayout.stringSize(modelId));
        out.put((byte) VERSION).putLong(id).put((byte) metric.code()).putFloat(threshold);
        out.put((byte) indexFormat.code()).putShort((short) dimension).putLong(created.toEpochMilli());
        ByteLayout.putString(out, modelId);
        return out.array();
    }

    static CollectionRecord decode(String name, byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw new IllegalStateException("collection " + name + " has unknown layout version " + version);
        }
        long id = in.getLong();
        Metric metric = Metric.fromCode(in.get());
        float threshold = in.getFloat();
        IndexFormat format = IndexFormat.fromCode(in.get());
        int dimension = Short.toUnsignedInt(in.getShort());
        Instant created = Instant.ofEpochMilli(in.getLong());
        return new CollectionRecord(name, id, metric, threshold, format, dimension, created, ByteLayout.getString(in));
    }
}
