package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.ModelProto;

/**
 * face-api's FaceExpressionNet as ONNX: the same dense feature extractor as the landmark network
 * (its own weights), a fully connected layer of 7 and a softmax. Output order: neutral, happy, sad,
 * angry, fearful, disgusted, surprised.
 */
public final class FaceExpressionGraph {
    public static final int INPUT_SIZE = DenseFeatureExtractor.INPUT_SIZE;
    public static final int CLASSES = 7;

    private FaceExpressionGraph() {
    }

    /** Input {@code image [N,112,112,3]} (RGB 0..255), output {@code probabilities [N,7]}. */
    public static ModelProto build(WeightManifest weights, String producerVersion) {
        OnnxGraphBuilder b = new OnnxGraphBuilder("face_expression");
        String features = DenseFeatureExtractor.addTo(b, weights);
        String product = b.node("MatMul", features, b.constant(weights.get("fc/weights"))).out("fc");
        String logits = b.node("Add", product, b.constant(weights.get("fc/bias"))).out("logits");
        b.node("Softmax", logits).integer("axis", 1).graphOutput("probabilities");
        b.output("probabilities", CLASSES);
        return b.build(producerVersion);
    }
}
