package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes an ONNX graph node by node: float inputs and outputs with a symbolic batch dimension,
 * initializers, and operators with their attributes. Node outputs get generated names unless a
 * graph output name is given. Only what the face-api graphs need is here.
 */
public final class OnnxGraphBuilder {
    /** Name of the symbolic batch dimension of every graph input and output. */
    public static final String BATCH = "N";
    /** Opset 17: Conv, Pad, Clip, ReduceMean with an {@code axes} attribute, Softmax on one axis. */
    static final int OPSET = 17;
    /** IR version 8 is what opset 17 was released with; ONNX Runtime 1.14+ reads it. */
    static final int IR_VERSION = 8;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private int counter;

    public OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    /** Declares a float32 graph input of shape {@code [N, dims...]}. */
    public String input(String name, int... dims) {
        claim(name);
        graph.addInput(valueInfo(name, dims));
        return name;
    }

    /** Declares an existing value as a float32 graph output of shape {@code [N, dims...]}. */
    public void output(String name, int... dims) {
        graph.addOutput(valueInfo(name, dims));
    }

    /** A float32 initializer holding the tensor's data under a fresh name derived from its own. */
    public String constant(Tensor t) {
        return constant(t.name(), t.shape(), t.data());
    }

    public String constant(String baseName, int[] shape, float... values) {
        String name = fresh(baseName);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(raw.array()));
        for (int d : shape) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A 1-D int64 initializer (shapes, pads, slice bounds). */
    public String int64s(String baseName, long... values) {
        String name = fresh(baseName);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length)
                .setRawData(ByteString.copyFrom(raw.array())));
        return name;
    }

    /** Starts a node; add attributes, then call {@link Node#out()} to get its output name. */
    public Node node(String opType, String... inputs) {
        return new Node(opType, inputs);
    }

    public ModelProto build(String producerVersion) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("facesearch")
                .setProducerVersion(producerVersion)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    // ---- layers used by several networks -----------------------------------------------------

    /** Conv with explicit pads {top, left, bottom, right} and square stride. */
    public String conv(String x, ConvWeights w, int stride, long[] pads, String label) {
        int group = w.kernel().dim(1) == 1 && w.outputChannels() > 1 ? w.outputChannels() : 1;
        return conv(x, w, stride, pads, group, label);
    }

    public String conv(String x, ConvWeights w, int stride, long[] pads, int group, String label) {
        String kernel = constant(label + "/kernel", w.kernel().shape(), w.kernel().data());
        String bias = constant(label + "/bias", new int[] {w.outputChannels()}, w.bias());
        int k = w.kernelSize();
        return node("Conv", x, kernel, bias)
                .ints("kernel_shape", k, k)
                .ints("strides", stride, stride)
                .ints("pads", pads)
                .integer("group", group)
                .out(label);
    }

    public String relu(String x) {
        return node("Relu", x).out();
    }

    /** min(max(x, 0), 6), MobileNet's activation. */
    public String relu6(String x) {
        return node("Clip", x, constant("zero", new int[0], 0f), constant("six", new int[0], 6f)).out();
    }

    public String add(String a, String b) {
        return node("Add", a, b).out();
    }

    private ValueInfoProto valueInfo(String name, int... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
                .build();
    }

    private String fresh(String base) {
        String name = base;
        while (names.contains(name)) {
            name = base + "_" + ++counter;
        }
        names.add(name);
        return name;
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("value name used twice: " + name);
        }
    }

    /** One operator being added; attributes first, then {@link #out()}. */
    public final class Node {
        private final NodeProto.Builder proto = NodeProto.newBuilder();

        private Node(String opType, String... inputs) {
            proto.setOpType(opType);
            for (String in : inputs) {
                proto.addInput(in);
            }
        }

        public Node ints(String attribute, long... values) {
            AttributeProto.Builder a = AttributeProto.newBuilder()
                    .setName(attribute)
                    .setType(AttributeProto.AttributeType.INTS);
            for (long v : values) {
                a.addInts(v);
            }
            proto.addAttribute(a);
            return this;
        }

        public Node integer(String attribute, long value) {
            proto.addAttribute(AttributeProto.newBuilder()
                    .setName(attribute)
                    .setType(AttributeProto.AttributeType.INT)
                    .setI(value));
            return this;
        }

        public Node string(String attribute, String value) {
            proto.addAttribute(AttributeProto.newBuilder()
                    .setName(attribute)
                    .setType(AttributeProto.AttributeType.STRING)
                    .setS(ByteString.copyFromUtf8(value)));
            return this;
        }

        /** Adds the node with a generated output name derived from its op type. */
        public String out() {
            return out(proto.getOpType().toLowerCase(java.util.Locale.ROOT));
        }

        /** Adds the node with a fresh output name derived from {@code label}. */
        public String out(String label) {
            return add(fresh(label));
        }

        /** Adds the node with exactly this output name (for graph outputs); fails if it is taken. */
        public String graphOutput(String name) {
            claim(name);
            return add(name);
        }

        private String add(String output) {
            proto.setName("node_" + graph.getNodeCount()).addOutput(output);
            graph.addNode(proto);
            return output;
        }
    }
}
