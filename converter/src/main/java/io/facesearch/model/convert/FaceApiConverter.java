package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.facesearch.model.ModelVersions;

/**
 * Turns the tfjs weights of one face-api network into its ONNX graph. Which graph is chosen by the
 * weight file's base name, as published in {@code @vladmandic/face-api/model/}.
 */
public final class FaceApiConverter {
    private FaceApiConverter() {
    }

    /**
     * @param weightsName base name of the weight files, e.g. {@code ssd_mobilenetv1_model}
     * @throws IllegalArgumentException for a network FaceSearch does not convert
     */
    public static ModelProto convert(String weightsName, WeightManifest weights) {
        String producer = "face-api converter " + ModelVersions.FACE_API_GRAPHS;
        return switch (weightsName) {
            case "ssd_mobilenetv1_model" -> SsdMobilenetV1Graph.build(weights, producer);
            case "face_landmark_68_model" -> FaceLandmarkGraph.build(weights, producer);
            case "face_expression_model" -> FaceExpressionGraph.build(weights, producer);
            case "face_recognition_model" -> FaceRecognitionGraph.build(weights, producer);
            default -> throw new IllegalArgumentException("no converter for face-api weights " + weightsName);
        };
    }
}
