package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.ModelProto;

/**
 * face-api's FaceLandmark68Net as ONNX: the dense feature extractor and a fully connected layer of
 * 136 outputs, x and y of the 68 points interleaved, relative to the 112x112 input (0..1 inside it).
 * No activation, as in face-api before its {@code postProcess}.
 */
public final class FaceLandmarkGraph {
    public static final int INPUT_SIZE = DenseFeatureExtractor.INPUT_SIZE;
    public static final int OUTPUTS = 136;

    private FaceLandmarkGraph() {
    }

    /** Input {@code image [N,112,112,3]} (RGB 0..255), output {@code landmarks [N,136]}. */
    public static ModelProto build(WeightManifest weights, String producerVersion) {
        OnnxGraphBuilder b = new OnnxGraphBuilder("face_landmarks");
        String features = DenseFeatureExtractor.addTo(b, weights);
        String product = b.node("MatMul", features, b.constant(weights.get("fc/weights"))).out("fc");
        b.node("Add", product, b.constant(weights.get("fc/bias"))).graphOutput("landmarks");
        b.output("landmarks", OUTPUTS);
        return b.build(producerVersion);
    }
}
