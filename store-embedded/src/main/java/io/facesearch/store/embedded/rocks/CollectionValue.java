package io.facesearch.store.embedded.rocks;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.QualityThresholds;
import io.facesearch.identify.IdentificationDefaults;
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
 * then, from layout version 2:
 *       +0    8 target FPIR, f64
 *       +8    1 1 when quality thresholds follow, else 0
 *       +9   56 quality thresholds, 7 x f64, in {@link QualityThresholds}' order
 * </pre>
 * Version 1 values (written before collections had an FPIR and thresholds of their own) read as
 * {@link IdentificationDefaults#TARGET_FPIR} and the server's quality settings.
 */
final class CollectionValue {
    private static final int VERSION = 2;
    private static final int QUALITY_BYTES = 7 * Double.BYTES;

    private CollectionValue() {
    }

    static byte[] encode(CollectionRecord record) {
        QualityThresholds q = record.quality();
        ByteBuffer out = ByteBuffer.allocate(25 + ByteLayout.stringSize(record.modelId()) + Double.BYTES + 1
                + (q == null ? 0 : QUALITY_BYTES));
        out.put((byte) VERSION).putLong(record.id()).put((byte) record.metric().code()).putFloat(record.threshold());
        out.put((byte) record.indexFormat().code()).putShort((short) record.dimension()).putLong(record.created().toEpochMilli());
        ByteLayout.putString(out, record.modelId());
        out.putDouble(record.targetFpir()).put((byte) (q == null ? 0 : 1));
        if (q != null) {
            out.putDouble(q.minScore()).putDouble(q.maxBoxToFace()).putDouble(q.minFacePixels()).putDouble(q.minSharpness())
                    .putDouble(q.maxYaw()).putDouble(q.maxPitch()).putDouble(q.maxRoll());
        }
        return out.array();
    }

    static CollectionRecord decode(String name, byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        int version = Byte.toUnsignedInt(in.get());
        if (version < 1 || version > VERSION) {
            throw new IllegalStateException("collection " + name + " has unknown layout version " + version);
        }
        long id = in.getLong();
        Metric metric = Metric.fromCode(in.get());
        float threshold = in.getFloat();
        IndexFormat format = IndexFormat.fromCode(in.get());
        int dimension = Short.toUnsignedInt(in.getShort());
        Instant created = Instant.ofEpochMilli(in.getLong());
        String modelId = ByteLayout.getString(in);
        if (version == 1) {
            return new CollectionRecord(name, id, metric, threshold, format, dimension, created, modelId,
                    IdentificationDefaults.TARGET_FPIR, null);
        }
        double targetFpir = in.getDouble();
        QualityThresholds quality = in.get() == 0 ? null : new QualityThresholds(in.getDouble(), in.getDouble(),
                in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble());
        return new CollectionRecord(name, id, metric, threshold, format, dimension, created, modelId, targetFpir, quality);
    }
}
