package io.facesearch.model.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The weights of one tfjs model: a face-api {@code *-weights_manifest.json}, or the
 * {@code weightsManifest} of a graph model's {@code model.json}, and its {@code .bin}.
 *
 * <p>Layout of the .bin (tfjs-core {@code io/io_utils} {@code decodeWeights}): the tensors of the
 * manifest, in manifest order, concatenated without padding. A tensor with a {@code quantization}
 * entry takes, per element, one byte for dtype uint8, decoded as {@code byte * scale + min}, or two
 * bytes little-endian for dtype float16, an IEEE half-precision value widened exactly; any other
 * tensor is float32 or int32, four bytes little-endian per element. Every tensor is returned as
 * float32 (the int32 ones are small constants: SSD post-processing, reduction axes), which is exact
 * for integers below 2^24.
 */
public final class WeightManifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Tensor> tensors;

    private WeightManifest(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Decodes a manifest and the single weight file it names.
     *
     * @throws IOException if the manifest is malformed or the byte count of the weights differs
     *     from the .bin size
     */
    public static WeightManifest read(byte[] manifestJson, byte[] bin) throws IOException {
        return read(JSON.readTree(manifestJson), bin);
    }

    /**
     * Decodes the weight groups of a manifest already parsed (a graph model's {@code weightsManifest})
     * and the single weight file they name.
     *
     * @throws IOException if the manifest is malformed or the byte count of the weights differs
     *     from the .bin size
     */
    public static WeightManifest read(JsonNode groups, byte[] bin) throws IOException {
        if (groups == null) {
            throw new IOException("no weight manifest");
        }
        if (!groups.isArray() || groups.size() != 1) {
            throw new IOException("expected one weight group in the manifest, got " + groups.size());
        }
        ByteBuffer bytes = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (JsonNode spec : groups.get(0).get("weights")) {
            Tensor t = decode(spec, bytes);
            if (tensors.put(t.name(), t) != null) {
                throw new IOException("weight " + t.name() + " appears twice in the manifest");
            }
        }
        if (bytes.hasRemaining()) {
            throw new IOException("manifest consumes " + bytes.position() + " bytes but the weight file has " + bin.length);
        }
        return new WeightManifest(tensors);
    }

    private static Tensor decode(JsonNode spec, ByteBuffer bytes) throws IOException {
        String name = spec.get("name").asText();
        JsonNode shapeNode = spec.get("shape");
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        int count = Math.toIntExact(Tensor.elementCount(shape));
        String dtype = spec.get("dtype").asText();
        JsonNode quantization = spec.get("quantization");
        // The storage type: the quantised one if any, else the tensor's own.
        String stored = quantization == null ? dtype : quantization.get("dtype").asText();
        int bytesPerElement = switch (stored) {
            case "uint8" -> 1;
            case "float16" -> 2;
            case "float32", "int32" -> 4;
            default -> throw new IOException(name + ": unsupported " + (quantization == null ? "dtype " : "quantization ")
                    + stored);
        };
        if (bytes.remaining() < (long) count * bytesPerElement) {
            throw new IOException("weight file ends inside " + name);
        }
        float[] data = new float[count];
        switch (stored) {
            case "uint8" -> {
                // tfjs computes v * scale + min in double and stores it in a Float32Array.
                double scale = quantization.get("scale").asDouble();
                double min = quantization.get("min").asDouble();
                for (int i = 0; i < count; i++) {
                    data[i] = (float) ((bytes.get() & 0xff) * scale + min);
                }
            }
            case "float16" -> {
                for (int i = 0; i < count; i++) {
                    data[i] = Float.float16ToFloat(bytes.getShort());
                }
            }
            case "float32" -> {
                bytes.asFloatBuffer().get(data);
                bytes.position(bytes.position() + 4 * count);
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    data[i] = bytes.getInt();
                }
            }
        }
        return new Tensor(name, shape, data);
    }

    /** The tensor of that name; fails with the name when the manifest has no such weight. */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no weight named " + name + " in the manifest");
        }
        return t;
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    /** Total number of float values, for logs and sanity checks. */
    public long parameterCount() {
        return tensors.values().stream().mapToLong(t -> t.data().length).sum();
    }
}
