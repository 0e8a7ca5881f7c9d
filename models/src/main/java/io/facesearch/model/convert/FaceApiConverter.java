package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.ModelProto;

/**
 * Turns the tfjs weights of one face-api network into its ONNX graph. Which graph is chosen by the
 * weight file's base name, as published in {@code @vladmandic/face-api/model/}.
 */
public final class FaceApiConverter {
    /**
     * Version of the conversion. Bump it whenever a graph changes (names, shapes, folding, numerics):
     * the model cache directory carries it, so a new version converts afresh instead of reusing stale
     * graphs.
     */
    public static final int VERSION = 2;

    /**
     * Version of what the converted networks compute. Bump it only when a change alters their outputs:
     * it names the embedding space in every pipeline's model id, which collections store, so that
     * vectors from different networks are never mixed. A graph that computes the same values faster
     * (version 2 normalises after the layout change) keeps it.
     */
    public static final int OUTPUTS_VERSION = 1;

    private FaceApiConverter() {
    }

    /**
     * @param weightsName base name of the weight files, e.g. {@code ssd_mobilenetv1_model}
     * @throws IllegalArgumentException for a network FaceSearch does not convert
     */
    public static ModelProto convert(String weightsName, WeightManifest weights) {
        String producer = "face-api converter " + VERSION;
        return switch (weightsName) {
            case "ssd_mobilenetv1_model" -> SsdMobilenetV1Graph.build(weights, producer);
            case "face_landmark_68_model" -> FaceLandmarkGraph.build(weights, producer);
            case "face_expression_model" -> FaceExpressionGraph.build(weights, producer);
            case "face_recognition_model" -> FaceRecognitionGraph.build(weights, producer);
            default -> throw new IllegalArgumentException("no converter for face-api weights " + weightsName);
        };
    }
}
