package io.facesearch.model.convert;

/**
 * The in-graph preprocessing of the face-api networks: pixel values 0..255 in NHWC RGB become the
 * normalised NCHW tensor the first convolution expects.
 */
final class InputNormalization {
    /**
     * Mean RGB subtracted by the face networks (face-api {@code FaceRecognitionNet},
     * {@code FaceFeatureExtractor}); the result is then divided by 255.
     */
    static final float[] FACE_MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private InputNormalization() {
    }

    /**
     * NHWC to NCHW, then {@code (x - meanRgb) / 255}. The same values as normalising first; ONNX Runtime
     * subtracts a per-channel mean much faster from whole planes than from interleaved pixels.
     */
    static String meanRgbOver255(OnnxGraphBuilder b, String image) {
        String nchw = toNchw(b, image);
        String centred = b.node("Sub", nchw, b.constant("mean_rgb", new int[] {1, 3, 1, 1}, FACE_MEAN_RGB)).out("centred");
        return b.node("Div", centred, b.constant("pixel_range", new int[0], 255f)).out("normalised");
    }

    /** {@code x / 127.5 - 1} (range -1..1, SSD MobileNet v1), then NHWC to NCHW. */
    static String minusOneToOne(OnnxGraphBuilder b, String image) {
        String halved = b.node("Div", image, b.constant("half_range", new int[0], 127.5f)).out("scaled");
        String shifted = b.node("Sub", halved, b.constant("one", new int[0], 1f)).out("normalised");
        return toNchw(b, shifted);
    }

    private static String toNchw(OnnxGraphBuilder b, String nhwc) {
        return b.node("Transpose", nhwc).ints("perm", 0, 3, 1, 2).out("nchw");
    }
}
