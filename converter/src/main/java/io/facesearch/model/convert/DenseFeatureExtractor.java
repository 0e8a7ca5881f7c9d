package io.facesearch.model.convert;

/**
 * face-api's FaceFeatureExtractor, shared by the 68-point landmark and the expression networks:
 * four {@code denseBlock4} stages (32, 64, 128, 256 channels; 112 -> 56 -> 28 -> 14 -> 7) and a 7x7
 * average pool, giving 256 features per face. Source: face-api {@code src/faceFeatureExtractor}.
 */
final class DenseFeatureExtractor {
    static final int INPUT_SIZE = 112;
    static final int FEATURES = 256;

    private final WeightManifest weights;
    private final OnnxGraphBuilder b;
    private int size = INPUT_SIZE;

    private DenseFeatureExtractor(WeightManifest weights, OnnxGraphBuilder b) {
        this.weights = weights;
        this.b = b;
    }

    /** Adds the extractor for input {@code image [N,112,112,3]}; returns the {@code [N,256]} value. */
    static String addTo(OnnxGraphBuilder b, WeightManifest weights) {
        return new DenseFeatureExtractor(weights, b).build();
    }

    private String build() {
        String image = b.input("image", INPUT_SIZE, INPUT_SIZE, 3);
        String x = InputNormalization.meanRgbOver255(b, image);
        x = denseBlock(x, "dense0", true);
        x = denseBlock(x, "dense1", false);
        x = denseBlock(x, "dense2", false);
        x = denseBlock(x, "dense3", false);
        // avgPool(7x7, stride 2, VALID) on the 7x7 map is a global average.
        return b.node("ReduceMean", x).ints("axes", 2, 3).integer("keepdims", 0).out("features");
    }

    /**
     * {@code out1 = relu(conv0(x))} with stride 2; then three separable convs, each fed the ReLU of
     * the sum of all previous outputs; the block returns the ReLU of the sum of all four.
     */
    private String denseBlock(String x, String block, boolean plainFirstConv) {
        long[] down = TfPadding.same(size, 3, 2);
        String out1 = plainFirstConv
                ? b.conv(x, ConvWeights.fromHwio(weights.get(block + "/conv0/filters"), weights.get(block + "/conv0/bias")),
                        2, down, block + "/conv0")
                : separable(x, block + "/conv0", 2, down);
        out1 = b.relu(out1);
        size = TfPadding.sameOutput(size, 2);
        long[] same = TfPadding.same(size, 3, 1);

        String out2 = separable(out1, block + "/conv1", 1, same);
        String sum2 = b.add(out1, out2);
        String out3 = separable(b.relu(sum2), block + "/conv2", 1, same);
        String sum3 = b.add(sum2, out3);
        String out4 = separable(b.relu(sum3), block + "/conv3", 1, same);
        return b.relu(b.add(sum3, out4));
    }

    /** tf.separableConv2d + bias: depthwise 3x3 (no bias), then pointwise 1x1 with the bias. */
    private String separable(String x, String prefix, int stride, long[] pads) {
        ConvWeights depthwise = ConvWeights.depthwise(weights.get(prefix + "/depthwise_filter"), null);
        String dw = b.conv(x, depthwise, stride, pads, depthwise.outputChannels(), prefix + "/depthwise");
        ConvWeights pointwise = ConvWeights.fromHwio(weights.get(prefix + "/pointwise_filter"), weights.get(prefix + "/bias"));
        return b.conv(dw, pointwise, 1, TfPadding.valid(), 1, prefix + "/pointwise");
    }
}
