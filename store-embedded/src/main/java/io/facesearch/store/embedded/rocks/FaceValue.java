package io.facesearch.store.embedded.rocks;

import io.facesearch.domain.StoredFace;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The value of an enrolled face in column family {@code faces}, under {@link FaceKey}. Layout:
 * <pre>
 * size      field
 *    1      layout version, u8 = 1
 *  2+n      subject id, str16
 *    2      embedding dimension d, u16
 *  4*d      embedding components, f32 each, as enrolled (not normalised)
 *    1      flags, u8: bit 0 a box follows, bit 1 landmarks follow
 *   16      box x, y, width, height, f32 each (only with flag bit 0)
 *    4      quality (detector score), f32
 *  4*136    landmarks x0, y0 ... x67, y67, f32 each (only with flag bit 1)
 *    1      source, u8: 1 image, 2 precomputed
 *    8      creation time, u64 milliseconds since the epoch
 *  2+n      model id, str16
 *  2+n      request id, str16 (empty when the request had none)
 *    2      metadata entry count m, u16
 *  m * (2+n, 2+n) metadata key and value, str16 each, in key order
 * </pre>
 * The face id is in the key, not the value.
 */
final class FaceValue {
    private static final int VERSION = 1;

    private FaceValue() {
    }

    static byte[] encode(StoredFace face) {
        float[] embedding = face.embedding();
        float[] points = face.landmarks() == null ? null : face.landmarks().toArray();
        int size = 1 + ByteLayout.stringSize(face.subjectId()) + 2 + 4 * embedding.length + 1
                + (face.box() == null ? 0 : 16) + 4 + (points == null ? 0 : 4 * points.length) + 1 + 8
                + ByteLayout.stringSize(face.modelId()) + ByteLayout.stringSize(face.requestId()) + 2;
        Map<String, String> sorted = new TreeMap<>(face.metadata());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            size += ByteLayout.stringSize(e.getKey()) + ByteLayout.stringSize(e.getValue());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) VERSION);
        ByteLayout.putString(out, face.subjectId());
        out.putShort((short) embedding.length);
        for (float v : embedding) {
            out.putFloat(v);
        }
        out.put((byte) ((face.box() == null ? 0 : 1) | (points == null ? 0 : 2)));
        if (face.box() != null) {
            out.putFloat(face.box().x()).putFloat(face.box().y()).putFloat(face.box().width()).putFloat(face.box().height());
        }
        out.putFloat(face.quality());
        if (points != null) {
            for (float v : points) {
                out.putFloat(v);
            }
        }
        out.put((byte) (face.source() == StoredFace.Source.IMAGE ? 1 : 2));
        out.putLong(face.created().toEpochMilli());
        ByteLayout.putString(out, face.modelId());
        ByteLayout.putString(out, face.requestId());
        out.putShort((short) sorted.size());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            ByteLayout.putString(out, e.getKey());
            ByteLayout.putString(out, e.getValue());
        }
        return out.array();
    }

    static StoredFace decode(UUID faceId, byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw new IllegalStateException("face " + faceId + " has unknown layout version " + version);
        }
        String subject = ByteLayout.getString(in);
        float[] embedding = new float[Short.toUnsignedInt(in.getShort())];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = in.getFloat();
        }
        int flags = in.get();
        FaceBox box = (flags & 1) == 0 ? null : new FaceBox(in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat());
        float quality = in.getFloat();
        Landmarks landmarks = null;
        if ((flags & 2) != 0) {
            float[] points = new float[Landmarks.COUNT * 2];
            for (int i = 0; i < points.length; i++) {
                points[i] = in.getFloat();
            }
            landmarks = new Landmarks(points);
        }
        StoredFace.Source source = in.get() == 1 ? StoredFace.Source.IMAGE : StoredFace.Source.PRECOMPUTED;
        Instant created = Instant.ofEpochMilli(in.getLong());
        String modelId = ByteLayout.getString(in);
        String requestId = ByteLayout.getString(in);
        int entries = Short.toUnsignedInt(in.getShort());
        Map<String, String> metadata = new TreeMap<>();
        for (int i = 0; i < entries; i++) {
            metadata.put(ByteLayout.getString(in), ByteLayout.getString(in));
        }
        return new StoredFace(faceId, subject, embedding, box, quality, landmarks, source, created, modelId,
                requestId, metadata);
    }

    /** Decodes only the embedding, for index rebuilds that need nothing else. */
    static float[] decodeEmbedding(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        in.get();
        in.position(in.position() + 2 + Short.toUnsignedInt(in.getShort(1)));
        float[] embedding = new float[Short.toUnsignedInt(in.getShort())];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = in.getFloat();
        }
        return embedding;
    }
}
