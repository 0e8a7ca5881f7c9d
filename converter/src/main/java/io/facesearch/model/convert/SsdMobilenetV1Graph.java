package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.List;

/**
 * face-api's SSD MobileNet v1 face detector as ONNX, up to and including box decoding: 512x512 RGB to
 * 5118 anchor boxes and their face scores. Non-maximum suppression stays outside the graph.
 * Sources: face-api {@code src/ssdMobilenetv1} ({@code mobileNetV1.ts}, {@code predictionLayer.ts},
 * {@code boxPredictionLayer.ts}, {@code outputLayer.ts}).
 */
public final class SsdMobilenetV1Graph {
    public static final int INPUT_SIZE = 512;
    public static final int ANCHORS = 5118;
    /** Frozen BatchNorm epsilon of the TF Object Detection MobileNet v1, a float32 0.001. */
    private static final double BATCH_NORM_EPSILON = 0.0010000000474974513;
    /** Depthwise layers 1..13 that downsample (stride 2): 256 -> 128 -> 64 -> 32 -> 16. */
    private static final List<Integer> STRIDE_TWO_LAYERS = List.of(2, 4, 6, 12);
    /** Box encoding scale factors (y, x, h, w) of the TF Object Detection box coder. */
    private static final float CENTRE_SCALE = 10f;
    private static final float SIZE_SCALE = 5f;

    private final WeightManifest weights;
    private final OnnxGraphBuilder b = new OnnxGraphBuilder("face_detector");
    private int size;

    private SsdMobilenetV1Graph(WeightManifest weights) {
        this.weights = weights;
    }

    /**
     * Input {@code image [N,512,512,3]} (RGB 0..255, padded to a square at the bottom/right and
     * resized by the caller); outputs {@code boxes [N,5118,4]} as decoded, unclipped
     * {@code [ymin, xmin, ymax, xmax]} relative to the 512 square, and {@code scores [N,5118]}.
     */
    public static ModelProto build(WeightManifest weights, String producerVersion) {
        return new SsdMobilenetV1Graph(weights).build(producerVersion);
    }

    private ModelProto build(String producerVersion) {
        String image = b.input("image", INPUT_SIZE, INPUT_SIZE, 3);
        String x = InputNormalization.minusOneToOne(b, image);

        // Named "pointwise" in the weights, but a 3x3 stride-2 conv on the image.
        size = INPUT_SIZE;
        x = pointwise(x, "MobilenetV1/Conv2d_0_pointwise", 2);
        String layer11 = null;
        for (int i = 1; i <= 13; i++) {
            x = depthwise(x, "MobilenetV1/Conv2d_" + i + "_depthwise", STRIDE_TWO_LAYERS.contains(i) ? 2 : 1);
            x = pointwise(x, "MobilenetV1/Conv2d_" + i + "_pointwise", 1);
            if (i == 11) {
                layer11 = x;
            }
        }
        String backbone = x;
        List<String> featureMaps = new ArrayList<>(List.of(layer11, backbone));
        for (int i = 0; i < 8; i++) {
            x = pointwise(x, "Prediction/Conv2d_" + i + "_pointwise", i % 2 == 0 ? 1 : 2);
            if (i % 2 == 1) {
                featureMaps.add(x);
            }
        }

        List<String> encodings = new ArrayList<>();
        List<String> logits = new ArrayList<>();
        for (int p = 0; p < featureMaps.size(); p++) {
            String prefix = "Prediction/BoxPredictor_" + p;
            encodings.add(predictor(featureMaps.get(p), prefix + "/BoxEncodingPredictor", 4));
            logits.add(predictor(featureMaps.get(p), prefix + "/ClassPredictor", 3));
        }
        String encoding = b.node("Concat", encodings.toArray(String[]::new)).integer("axis", 1).out("box_encodings");
        String classLogits = b.node("Concat", logits.toArray(String[]::new)).integer("axis", 1).out("class_logits");

        // Class 1 is "face"; face-api ignores 0 (background) and 2, and applies a sigmoid, not a softmax.
        String faceLogit = b.node("Gather", classLogits, b.int64s("face_class", 1)).integer("axis", 2).out("face_logit");
        String squeezed = b.node("Squeeze", faceLogit, b.int64s("class_axis", 2)).out("face_logit_squeezed");
        b.node("Sigmoid", squeezed).graphOutput("scores");
        decodeBoxes(encoding);

        b.output("boxes", ANCHORS, 4);
        b.output("scores", ANCHORS);
        return b.build(producerVersion);
    }

    /** 1x1 (or the first layer's 3x3) conv + folded-BN offset + ReLU6, TF 'same'. */
    private String pointwise(String x, String prefix, int stride) {
        ConvWeights w = ConvWeights.fromHwio(weights.get(prefix + "/weights"), weights.get(prefix + "/convolution_bn_offset"));
        long[] pads = TfPadding.same(size, w.kernelSize(), stride);
        size = TfPadding.sameOutput(size, stride);
        return b.relu6(b.conv(x, w, stride, pads, 1, prefix));
    }

    /** Depthwise 3x3 + BatchNorm (folded) + ReLU6, TF 'same'. */
    private String depthwise(String x, String prefix, int stride) {
        ConvWeights w = ConvWeights.depthwise(weights.get(prefix + "/depthwise_weights"), null)
                .thenBatchNorm(
                        weights.get(prefix + "/BatchNorm/gamma").data(),
                        weights.get(prefix + "/BatchNorm/beta").data(),
                        weights.get(prefix + "/BatchNorm/moving_mean").data(),
                        weights.get(prefix + "/BatchNorm/moving_variance").data(),
                        BATCH_NORM_EPSILON);
        long[] pads = TfPadding.same(size, 3, stride);
        size = TfPadding.sameOutput(size, stride);
        return b.relu6(b.conv(x, w, stride, pads, w.outputChannels(), prefix));
    }

    /**
     * A 1x1 conv + bias with {@code values * anchorsPerCell} channels, reordered from NCHW to the
     * anchor order face-api uses (row-major over y, x, anchor): {@code [N, H*W*A, values]}.
     */
    private String predictor(String featureMap, String prefix, int values) {
        ConvWeights w = ConvWeights.fromHwio(weights.get(prefix + "/weights"), weights.get(prefix + "/biases"));
        String conv = b.conv(featureMap, w, 1, TfPadding.valid(), 1, prefix);
        String nhwc = b.node("Transpose", conv).ints("perm", 0, 2, 3, 1).out(prefix + "/nhwc");
        return b.node("Reshape", nhwc, b.int64s(prefix + "/shape", 0, -1, values)).out(prefix + "/reshaped");
    }

    /**
     * TF Object Detection's FasterRcnnBoxCoder decode with scale factors (10, 10, 5, 5), as in face-api
     * {@code decodeBoxesLayer}: centre = t/10 * anchorSize + anchorCentre,
     * half size = exp(t/5) * anchorSize / 2; out = [centre - half, centre + half].
     */
    private void decodeBoxes(String encoding) {
        float[] anchors = weights.get("Output/extra_dim").data();
        if (anchors.length != ANCHORS * 4) {
            throw new IllegalStateException("expected " + ANCHORS + " anchors, got " + anchors.length / 4);
        }
        float[] centres = new float[ANCHORS * 2];
        float[] sizes = new float[ANCHORS * 2];
        for (int a = 0; a < ANCHORS; a++) {
            for (int axis = 0; axis < 2; axis++) {
                float min = anchors[4 * a + axis];
                float max = anchors[4 * a + axis + 2];
                float extent = max - min;
                sizes[2 * a + axis] = extent;
                centres[2 * a + axis] = min + extent / 2;
            }
        }
        int[] pairShape = {1, ANCHORS, 2};
        String anchorCentre = b.constant("anchor_centre_yx", pairShape, centres);
        String anchorSize = b.constant("anchor_size_hw", pairShape, sizes);

        String centreCode = b.node("Slice", encoding, b.int64s("yx_start", 0), b.int64s("yx_end", 2), b.int64s("last_axis", 2))
                .out("t_yx");
        String sizeCode = b.node("Slice", encoding, b.int64s("hw_start", 2), b.int64s("hw_end", 4), b.int64s("last_axis", 2))
                .out("t_hw");
        String centre = b.add(
                b.node("Mul", b.node("Div", centreCode, b.constant("centre_scale", new int[0], CENTRE_SCALE)).out(), anchorSize).out(),
                anchorCentre);
        String expanded = b.node("Exp", b.node("Div", sizeCode, b.constant("size_scale", new int[0], SIZE_SCALE)).out()).out();
        String half = b.node("Div", b.node("Mul", expanded, anchorSize).out(), b.constant("two", new int[0], 2f)).out("half_size");
        String min = b.node("Sub", centre, half).out("box_min");
        String max = b.node("Add", centre, half).out("box_max");
        b.node("Concat", min, max).integer("axis", 2).graphOutput("boxes");
    }
}
