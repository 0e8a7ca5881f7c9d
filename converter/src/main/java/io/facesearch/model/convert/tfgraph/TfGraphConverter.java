package io.facesearch.model.convert.tfgraph;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.facesearch.model.convert.OnnxGraphBuilder;
import io.facesearch.model.convert.Tensor;
import io.facesearch.model.convert.TfPadding;
import io.facesearch.model.convert.tfgraph.TfValue.Layout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translates a tfjs graph model into ONNX, one TensorFlow node at a time, for the ops listed in
 * {@link #SUPPORTED_OPS} (those of Human's faceres); any other op fails with its node name.
 *
 * <p>Layout: TensorFlow runs these graphs NHWC, ONNX's Conv is NCHW. The input is transposed to NCHW
 * once and every 4-D value stays channels-first ({@link Layout#NCHW}); ops that depend on axes
 * (constant operands broadcast along channels, reductions, softmax) are rewritten for it, and a
 * graph output still in NCHW is transposed back. TfValues of rank other than 4 keep TensorFlow's axes
 * ({@link Layout#TF}). The spatial size of every feature map is tracked from the fixed input size,
 * to write explicit pads.
 *
 * <p>Op mapping:
 * <ul>
 *   <li>{@code Conv2D}: Conv, kernel HWIO to OIHW;</li>
 *   <li>{@code DepthwiseConv2dNative}: Conv with {@code group = C}, kernel {@code [kh,kw,C,M]} to
 *       {@code [C*M,1,kh,kw]};</li>
 *   <li>both: strides and dilations from their H and W entries; padding SAME as explicit pads
 *       with TF's split, the odd pixel after ({@code SAME_UPPER}; written out because ONNX
 *       Runtime refuses {@code auto_pad} with dilations), VALID as no pads; data_format must be
 *       NHWC;</li>
 *   <li>{@code Add}, {@code Mul}: Add, Mul; a constant operand is reshaped for NCHW broadcasting;</li>
 *   <li>{@code Minimum}, {@code Maximum}: Clip when the other operand is a scalar constant (the
 *       ReLU6 clip), else Min, Max;</li>
 *   <li>{@code Relu}, {@code Sigmoid}: the same ops; {@code Softmax}: Softmax on the last TF axis;</li>
 *   <li>{@code Mean}: ReduceMean on the mapped axes, {@code keep_dims} as {@code keepdims};</li>
 *   <li>{@code _FusedMatMul}: Gemm (transpose_a/b as transA/transB, BiasAdd as its C input),
 *       then Relu when the fused ops are {@code [BiasAdd, Relu]}.</li>
 * </ul>
 */
public final class TfGraphConverter {
    /** The TensorFlow ops that have a mapping. */
    public static final Set<String> SUPPORTED_OPS = Set.of("Placeholder", "Const", "Conv2D", "DepthwiseConv2dNative",
            "Add", "Mul", "Minimum", "Maximum", "Relu", "Sigmoid", "Softmax", "Mean", "_FusedMatMul");

    /** TF axis (NHWC) of each NCHW axis: stored axis i holds TF axis NCHW_TO_TF[i]. */
    private static final int[] NCHW_TO_TF = {0, 3, 1, 2};

    /**
     * The graph's image input.
     *
     * @param tfNode name of the {@code Placeholder}
     * @param name ONNX input name
     * @param height height, width and channels of one NHWC image
     */
    public record Input(String tfNode, String name, int height, int width, int channels) {
    }

    /**
     * A graph output.
     *
     * @param tfNode the node whose value it is
     * @param name ONNX output name
     * @param dims its shape after the batch dimension
     */
    public record Output(String tfNode, String name, int... dims) {
    }

    private final TfGraphModel model;
    private final OnnxGraphBuilder onnx;
    private final Map<String, TfValue> values = new HashMap<>();

    private TfGraphConverter(TfGraphModel model, String graphName) {
        this.model = model;
        this.onnx = new OnnxGraphBuilder(graphName);
    }

    /**
     * Converts the part of the graph that the outputs depend on.
     *
     * @throws UnsupportedOperationException naming the node, for an op or attribute without a mapping
     */
    public static ModelProto convert(TfGraphModel model, String graphName, Input input, List<Output> outputs,
            String producer) {
        TfGraphConverter converter = new TfGraphConverter(model, graphName);
        converter.declareInput(input);
        for (TfNode node : model.evaluationOrder(outputs.stream().map(Output::tfNode).toList(), input.tfNode())) {
            converter.values.put(node.name(), converter.map(node));
        }
        for (Output output : outputs) {
            converter.declareOutput(output);
        }
        return converter.onnx.build(producer);
    }

    private void declareInput(Input input) {
        TfNode placeholder = model.node(input.tfNode());
        if (!"Placeholder".equals(placeholder.op())) {
            throw new IllegalArgumentException(placeholder.describe() + " is not a Placeholder");
        }
        String image = onnx.input(input.name(), input.height(), input.width(), input.channels());
        String nchw = onnx.node("Transpose", image).ints("perm", 0, 3, 1, 2).out(input.name() + "/nchw");
        values.put(input.tfNode(), new TfValue(nchw, Layout.NCHW, input.height(), input.width()));
    }

    private void declareOutput(Output output) {
        TfValue v = values.get(output.tfNode());
        if (v == null) {
            throw new IllegalArgumentException("output " + output.name() + ": " + output.tfNode() + " is not computed");
        }
        String name = v.name();
        if (v.layout() == Layout.NCHW) {
            name = onnx.node("Transpose", name).ints("perm", 0, 2, 3, 1).out(output.name() + "/nhwc");
        }
        onnx.node("Identity", name).graphOutput(output.name());
        onnx.output(output.name(), output.dims());
    }

    private TfValue map(TfNode node) {
        return switch (node.op()) {
            case "Conv2D" -> conv(node, false);
            case "DepthwiseConv2dNative" -> conv(node, true);
            case "Add" -> binary(node, "Add");
            case "Mul" -> binary(node, "Mul");
            case "Minimum" -> clipOrBinary(node, "Min", false);
            case "Maximum" -> clipOrBinary(node, "Max", true);
            case "Relu" -> unary(node, "Relu");
            case "Sigmoid" -> unary(node, "Sigmoid");
            case "Softmax" -> softmax(node);
            case "Mean" -> mean(node);
            case "_FusedMatMul" -> fusedMatMul(node);
            default -> throw new UnsupportedOperationException(node.describe() + ": no ONNX mapping for op "
                    + node.op() + "; supported ops are " + new TreeSet<>(SUPPORTED_OPS));
        };
    }

    private TfValue conv(TfNode node, boolean depthwise) {
        TfValue x = nchwInput(node, 0);
        Tensor filter = constantInput(node, 1);
        if (filter.rank() != 4) {
            throw unsupported(node, "filter of rank " + filter.rank());
        }
        Tensor kernel;
        int group;
        if (depthwise) {
            // [kh, kw, C, M] -> [C, M, kh, kw] -> [C*M, 1, kh, kw]: output channel c*M + m, as in TF.
            kernel = filter.transpose(2, 3, 0, 1).reshape(filter.name(),
                    filter.dim(2) * filter.dim(3), 1, filter.dim(0), filter.dim(1));
            group = filter.dim(2);
        } else {
            kernel = filter.transpose(3, 2, 0, 1);
            group = 1;
        }
        String dataFormat = node.string("data_format", "NHWC");
        if (!"NHWC".equals(dataFormat)) {
            throw unsupported(node, "data_format " + dataFormat);
        }
        long[] strides = node.ints("strides", 1, 1, 1, 1);
        long[] dilations = node.ints("dilations", 1, 1, 1, 1);
        if (strides.length != 4 || strides[0] != 1 || strides[3] != 1 || dilations.length != 4 || dilations[0] != 1
                || dilations[3] != 1) {
            throw unsupported(node, "strides " + Arrays.toString(strides) + " / dilations " + Arrays.toString(dilations)
                    + " (batch and channel entries must be 1)");
        }
        int kernelH = (kernel.dim(2) - 1) * (int) dilations[1] + 1;
        int kernelW = (kernel.dim(3) - 1) * (int) dilations[2] + 1;
        int strideY = (int) strides[1];
        int strideX = (int) strides[2];
        String padding = node.string("padding", "");
        long[] pads;
        int height;
        int width;
        switch (padding) {
            case "SAME" -> {
                pads = TfPadding.same(x.height(), x.width(), kernelH, kernelW, strideY, strideX);
                height = TfPadding.sameOutput(x.height(), strideY);
                width = TfPadding.sameOutput(x.width(), strideX);
            }
            case "VALID" -> {
                pads = TfPadding.valid();
                height = TfPadding.validOutput(x.height(), kernelH, strideY);
                width = TfPadding.validOutput(x.width(), kernelW, strideX);
            }
            default -> throw unsupported(node, "padding '" + padding + "'");
        }
        if (height < 1 || width < 1) {
            throw unsupported(node, "kernel larger than its " + x.height() + "x" + x.width() + " input");
        }
        String kernelName = onnx.constant(node.name() + "/kernel", kernel.shape(), kernel.data());
        return new TfValue(onnx.node("Conv", x.name(), kernelName)
                .ints("kernel_shape", kernel.dim(2), kernel.dim(3))
                .ints("strides", strideY, strideX)
                .ints("dilations", dilations[1], dilations[2])
                .ints("pads", pads)
                .integer("group", group)
                .out(node.name()), Layout.NCHW, height, width);
    }

    private TfValue binary(TfNode node, String onnxOp) {
        String a = node.input(0);
        String b = node.input(1);
        boolean constA = model.isConstant(a);
        boolean constB = model.isConstant(b);
        if (constA && constB) {
            throw unsupported(node, "two constant operands");
        }
        TfValue shape = constA ? values.get(b) : values.get(a);
        if (!constA && !constB) {
            TfValue va = values.get(a);
            TfValue vb = values.get(b);
            if (va.layout() != vb.layout() || va.height() != vb.height() || va.width() != vb.width()) {
                throw unsupported(node, "operands of different layouts or sizes (no broadcasting between feature maps)");
            }
        }
        String left = constA ? broadcastConstant(model.constant(a), shape.layout()) : values.get(a).name();
        String right = constB ? broadcastConstant(model.constant(b), shape.layout()) : values.get(b).name();
        return shape.same(onnx.node(onnxOp, left, right).out(node.name()));
    }

    /** Minimum/Maximum against a scalar constant is a one-sided Clip (ReLU6 is Relu, Minimum 6, Maximum 0). */
    private TfValue clipOrBinary(TfNode node, String onnxOp, boolean lowerBound) {
        int constantSide = -1;
        for (int i = 0; i < 2; i++) {
            if (model.isConstant(node.input(i)) && model.constant(node.input(i)).data().length == 1) {
                constantSide = i;
            }
        }
        if (constantSide < 0) {
            return binary(node, onnxOp);
        }
        TfValue x = operand(node, 1 - constantSide);
        float bound = model.constant(node.input(constantSide)).data()[0];
        String limit = onnx.constant(node.name() + "/bound", new int[0], bound);
        String clipped = lowerBound
                ? onnx.node("Clip", x.name(), limit).out(node.name())
                : onnx.node("Clip", x.name(), "", limit).out(node.name());
        return x.same(clipped);
    }

    /**
     * A constant operand as an initializer that broadcasts against a value of that layout. TF
     * broadcasts from the last axis (channels); in NCHW the constant is padded to rank 4 and its
     * axes permuted the same way, so {@code [C]} becomes {@code [1, C, 1, 1]}. Scalars stay scalars.
     */
    private String broadcastConstant(Tensor t, Layout layout) {
        if (layout == Layout.TF || t.rank() == 0) {
            return onnx.constant(t);
        }
        if (t.rank() > 4) {
            throw new UnsupportedOperationException(t.name() + ": constant of rank " + t.rank() + " against a 4-D value");
        }
        int[] rank4 = new int[] {1, 1, 1, 1};
        System.arraycopy(t.shape(), 0, rank4, 4 - t.rank(), t.rank());
        return onnx.constant(t.reshape(t.name(), rank4).transpose(NCHW_TO_TF));
    }

    private TfValue unary(TfNode node, String onnxOp) {
        TfValue x = operand(node, 0);
        return x.same(onnx.node(onnxOp, x.name()).out(node.name()));
    }

    /** TF's Softmax normalises the last axis: channels, which NCHW stores at axis 1. */
    private TfValue softmax(TfNode node) {
        TfValue x = operand(node, 0);
        long axis = x.layout() == Layout.NCHW ? 1 : -1;
        return x.same(onnx.node("Softmax", x.name()).integer("axis", axis).out(node.name()));
    }

    private TfValue mean(TfNode node) {
        TfValue x = operand(node, 0);
        float[] tfAxes = constantInput(node, 1).data();
        boolean keepDims = node.bool("keep_dims");
        long[] axes = new long[tfAxes.length];
        if (x.layout() == Layout.TF) {
            for (int i = 0; i < axes.length; i++) {
                axes[i] = (long) tfAxes[i];
            }
            return x.same(reduceMean(x, axes, keepDims, node));
        }
        Set<Integer> reduced = new HashSet<>();
        for (int i = 0; i < axes.length; i++) {
            int tfAxis = Math.floorMod((int) tfAxes[i], 4);
            axes[i] = storedAxis(tfAxis);
            reduced.add(tfAxis);
        }
        if (keepDims) {
            if (reduced.contains(1) || reduced.contains(2)) {
                // The result's spatial size would have to be tracked per axis; no graph needs it.
                throw unsupported(node, "keep_dims over spatial axes " + reduced);
            }
            return x.same(reduceMean(x, axes, true, node));
        }
        // The axes left must keep TF's order, else the result would need a transpose.
        int previous = -1;
        for (int tfAxis : NCHW_TO_TF) {
            if (!reduced.contains(tfAxis)) {
                if (tfAxis < previous) {
                    throw unsupported(node, "reduction over axes " + reduced + " leaving channels before space");
                }
                previous = tfAxis;
            }
        }
        return new TfValue(reduceMean(x, axes, false, node), Layout.TF);
    }

    private String reduceMean(TfValue x, long[] axes, boolean keepDims, TfNode node) {
        return onnx.node("ReduceMean", x.name())
                .ints("axes", axes)
                .integer("keepdims", keepDims ? 1 : 0)
                .out(node.name());
    }

    private static int storedAxis(int tfAxis) {
        for (int i = 0; i < NCHW_TO_TF.length; i++) {
            if (NCHW_TO_TF[i] == tfAxis) {
                return i;
            }
        }
        throw new IllegalArgumentException("axis " + tfAxis);
    }

    /** Grappler's MatMul + BiasAdd (+ Relu) fusion: {@code fused_ops} lists what follows the product. */
    private TfValue fusedMatMul(TfNode node) {
        TfValue x = operand(node, 0);
        if (x.layout() != Layout.TF) {
            throw unsupported(node, "a 4-D operand");
        }
        List<String> fused = node.strings("fused_ops");
        boolean bias = !fused.isEmpty() && fused.get(0).equals("BiasAdd");
        boolean relu = fused.equals(List.of("BiasAdd", "Relu"));
        if (!fused.isEmpty() && !fused.equals(List.of("BiasAdd")) && !relu) {
            throw unsupported(node, "fused_ops " + fused);
        }
        String weights = onnx.constant(constantInput(node, 1));
        OnnxGraphBuilder.Node gemm = bias
                ? onnx.node("Gemm", x.name(), weights, onnx.constant(constantInput(node, 2)))
                : onnx.node("Gemm", x.name(), weights);
        String out = gemm
                .integer("transA", node.bool("transpose_a") ? 1 : 0)
                .integer("transB", node.bool("transpose_b") ? 1 : 0)
                .out(relu ? node.name() + "/gemm" : node.name());
        if (relu) {
            out = onnx.node("Relu", out).out(node.name());
        }
        return new TfValue(out, Layout.TF);
    }

    /** A value computed by an earlier node; constants are only supported where an op reads them as weights. */
    private TfValue operand(TfNode node, int index) {
        String name = node.input(index);
        if (model.isConstant(name)) {
            throw unsupported(node, "constant input " + index + " (" + name + ") where a computed value is expected");
        }
        return values.get(name);
    }

    private TfValue nchwInput(TfNode node, int index) {
        TfValue v = operand(node, index);
        if (v.layout() != Layout.NCHW) {
            throw unsupported(node, "an operand that is not a 4-D feature map");
        }
        return v;
    }

    private Tensor constantInput(TfNode node, int index) {
        String name = node.input(index);
        if (!model.isConstant(name)) {
            throw unsupported(node, "input " + index + " (" + name + ") computed at run time; only constants are supported there");
        }
        return model.constant(name);
    }

    private static UnsupportedOperationException unsupported(TfNode node, String what) {
        return new UnsupportedOperationException(node.describe() + ": unsupported " + what);
    }
}
