package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.ModelProto;

/**
 * face-api's FaceRecognitionNet (a dlib ResNet-29 variant) as ONNX: 150x150 RGB to a raw 128-D
 * descriptor. Layer sequence and shapes from face-api {@code src/faceRecognitionNet}: a 7x7/2 conv,
 * a 3x3/2 max pool, then residual blocks at 32, 64, 128 and 256 channels, a global average and a
 * bias-free fully connected layer. Each conv is followed by dlib's per-channel scale layer, folded
 * into the kernel here.
 */
public final class FaceRecognitionGraph {
    public static final int INPUT_SIZE = 150;
    public static final int DESCRIPTOR_SIZE = 128;

    private final WeightManifest weights;
    private final OnnxGraphBuilder b = new OnnxGraphBuilder("face_recognition");
    /** Spatial size of the current feature map (square). */
    private int size;

    private FaceRecognitionGraph(WeightManifest weights) {
        this.weights = weights;
    }

    /** Input {@code image [N,150,150,3]} (RGB 0..255), output {@code descriptor [N,128]}. */
    public static ModelProto build(WeightManifest weights, String producerVersion) {
        return new FaceRecognitionGraph(weights).build(producerVersion);
    }

    private ModelProto build(String producerVersion) {
        String image = b.input("image", INPUT_SIZE, INPUT_SIZE, 3);
        String x = InputNormalization.meanRgbOver255(b, image);

        x = b.relu(b.conv(x, scaledConv("conv32_down"), 2, TfPadding.valid(), "conv32_down"));
        size = TfPadding.validOutput(INPUT_SIZE, 7, 2);
        x = b.node("MaxPool", x).ints("kernel_shape", 3, 3).ints("strides", 2, 2).out("pool");
        size = TfPadding.validOutput(size, 3, 2);

        x = residual(x, "conv32_1");
        x = residual(x, "conv32_2");
        x = residual(x, "conv32_3");
        x = residualDown(x, "conv64_down");
        x = residual(x, "conv64_1");
        x = residual(x, "conv64_2");
        x = residual(x, "conv64_3");
        x = residualDown(x, "conv128_down");
        x = residual(x, "conv128_1");
        x = residual(x, "conv128_2");
        x = residualDown(x, "conv256_down");
        x = residual(x, "conv256_1");
        x = residual(x, "conv256_2");
        x = residualDown(x, "conv256_down_out");

        String pooled = b.node("ReduceMean", x).ints("axes", 2, 3).integer("keepdims", 0).out("global_mean");
        // fc/weights is [256, 128] = MatMul's B as stored; face-api applies no bias and no normalisation.
        b.node("MatMul", pooled, b.constant(weights.get("fc"))).graphOutput("descriptor");
        b.output("descriptor", DESCRIPTOR_SIZE);
        return b.build(producerVersion);
    }

    /** conv 3x3/1 SAME + scale + ReLU, conv 3x3/1 SAME + scale, add the input, ReLU. */
    private String residual(String x, String block) {
        long[] same = TfPadding.same(size, 3, 1);
        String out = b.relu(b.conv(x, scaledConv(block + "/conv1"), 1, same, block + "/conv1"));
        out = b.conv(out, scaledConv(block + "/conv2"), 1, same, block + "/conv2");
        return b.relu(b.add(out, x));
    }

    /**
     * The downsampling block: a 3x3/2 VALID conv branch against a 2x2/2 average-pool shortcut.
     * When the conv branch comes out one pixel smaller than the pooled one (8 -> 3 vs 4, 4 -> 1 vs
     * 2), face-api appends a zero row and column to it; when the channels double, the shortcut gets
     * zero channels appended.
     */
    private String residualDown(String x, String block) {
        ConvWeights conv1 = scaledConv(block + "/conv1");
        int inChannels = conv1.kernel().dim(1);
        int outChannels = conv1.outputChannels();
        String out = b.relu(b.conv(x, conv1, 2, TfPadding.valid(), block + "/conv1"));
        int convSize = TfPadding.validOutput(size, 3, 2);
        out = b.conv(out, scaledConv(block + "/conv2"), 1, TfPadding.same(convSize, 3, 1), block + "/conv2");

        String pooled = b.node("AveragePool", x).ints("kernel_shape", 2, 2).ints("strides", 2, 2).out(block + "/pool");
        int poolSize = TfPadding.validOutput(size, 2, 2);
        if (convSize != poolSize) {
            long grow = poolSize - convSize;
            out = b.node("Pad", out, b.int64s(block + "/pad_hw", 0, 0, 0, 0, 0, 0, grow, grow)).out(block + "/padded");
        }
        if (outChannels != inChannels) {
            long extra = outChannels - inChannels;
            pooled = b.node("Pad", pooled, b.int64s(block + "/pad_c", 0, 0, 0, 0, 0, extra, 0, 0)).out(block + "/widened");
        }
        size = poolSize;
        return b.relu(b.add(pooled, out));
    }

    /** conv + bias followed by dlib's scale layer {@code x * weights + biases}, folded. */
    private ConvWeights scaledConv(String prefix) {
        return ConvWeights.fromHwio(weights.get(prefix + "/conv/filters"), weights.get(prefix + "/conv/bias"))
                .thenAffine(weights.get(prefix + "/scale/weights").data(), weights.get(prefix + "/scale/biases").data());
    }
}
