package io.facesearch.store.embedded.rocks;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The value of a collection's settings in column family {@code collections}, keyed by the
 * collection name in UTF-8. Layout:
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
final class CollectionValue {
    private static final int VERSION = 1;

    private CollectionValue() {
    }

    static byte[] encode(CollectionRecord record) {
        ByteBuffer out = ByteBuffer.allocate(25 + ByteLayout.stringSize(record.modelId()));
        out.put((byte) VERSION).putLong(record.id()).put((byte) record.metric().code()).putFloat(record.threshold());
        out.put((byte) record.indexFormat().code()).putShort((short) record.dimension()).putLong(record.created().toEpochMilli());
        ByteLayout.putString(out, record.modelId());
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
