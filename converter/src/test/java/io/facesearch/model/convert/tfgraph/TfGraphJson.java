package io.facesearch.model.convert.tfgraph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes small tfjs graph models ({@code model.json} + weights) for tests, in the layout the tfjs
 * converter produces: nodes in {@code modelTopology.node}, every constant a float16-quantised weight.
 */
final class TfGraphJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode nodes;
    private final ArrayNode weights;
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();

    TfGraphJson() {
        root.put("format", "graph-model");
        nodes = root.putObject("modelTopology").putArray("node");
        ObjectNode group = root.putArray("weightsManifest").addObject();
        group.putArray("paths").add("model.bin");
        weights = group.putArray("weights");
    }

    /** A Placeholder for NHWC images. */
    TfGraphJson placeholder(String name) {
        nodes.addObject().put("name", name).put("op", "Placeholder");
        return this;
    }

    /** A Const node and its float16 weight; the values must be exact in float16 for tests to compare. */
    TfGraphJson constant(String name, int[] shape, float... values) {
        nodes.addObject().put("name", name).put("op", "Const");
        ObjectNode spec = weights.addObject().put("name", name).put("dtype", "float32");
        ArrayNode dims = spec.putArray("shape");
        for (int d : shape) {
            dims.add(d);
        }
        spec.putObject("quantization").put("dtype", "float16").put("original_dtype", "float32");
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putShort(Float.floatToFloat16(v));
        }
        bin.writeBytes(b.array());
        return this;
    }

    /** An int32 Const (axes), stored unquantised as tfjs does. */
    TfGraphJson intConstant(String name, int... values) {
        nodes.addObject().put("name", name).put("op", "Const");
        ObjectNode spec = weights.addObject().put("name", name).put("dtype", "int32");
        spec.putArray("shape").add(values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        bin.writeBytes(b.array());
        return this;
    }

    /** An op node; returns its attribute object for {@link #ints}, {@link #string}, {@link #bool}. */
    ObjectNode op(String name, String op, String... inputs) {
        ObjectNode node = nodes.addObject().put("name", name).put("op", op);
        ArrayNode in = node.putArray("input");
        for (String i : inputs) {
            in.add(i);
        }
        return node.putObject("attr");
    }

    static ObjectNode ints(ObjectNode attr, String name, long... values) {
        ArrayNode list = attr.putObject(name).putObject("list").putArray("i");
        for (long v : values) {
            list.add(Long.toString(v));
        }
        return attr;
    }

    static ObjectNode string(ObjectNode attr, String name, String value) {
        attr.putObject(name).put("s", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        return attr;
    }

    static ObjectNode strings(ObjectNode attr, String name, String... values) {
        ArrayNode list = attr.putObject(name).putObject("list").putArray("s");
        for (String v : values) {
            list.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
        }
        return attr;
    }

    static ObjectNode bool(ObjectNode attr, String name, boolean value) {
        attr.putObject(name).put("b", value);
        return attr;
    }

    byte[] modelJson() {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] weightBytes() {
        return bin.toByteArray();
    }

    TfGraphModel read() throws java.io.IOException {
        return TfGraphModel.read(modelJson(), weightBytes());
    }
}
