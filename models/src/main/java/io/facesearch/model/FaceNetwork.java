package io.facesearch.model;

import java.util.List;

/**
 * The four converted face-api networks and their graph contract. Every input is float32 NHWC RGB with
 * pixel values 0..255, already cropped, padded to a square and resized to {@link #inputSize()} by the
 * caller; normalisation happens inside the graph. The batch dimension is symbolic ({@code N}).
 */
public enum FaceNetwork {
    /**
     * SSD MobileNet v1. Outputs {@code boxes [N,5118,4]}: decoded anchor boxes
     * {@code [ymin, xmin, ymax, xmax]} relative to the 512 square, unclipped; and
     * {@code scores [N,5118]}: sigmoid of the face logit. No non-maximum suppression.
     */
    DETECTOR("face_detector.onnx", "ssd_mobilenetv1_model", 512, List.of("boxes", "scores")),
    /** 68 landmarks: {@code landmarks [N,136]}, x/y interleaved, relative to the 112 input (raw fc output). */
    LANDMARKS("face_landmarks.onnx", "face_landmark_68_model", 112, List.of("landmarks")),
    /** Expression: {@code probabilities [N,7]} (softmax), in the order of the pipeline's {@code Expression} enum. */
    EXPRESSION("face_expression.onnx", "face_expression_model", 112, List.of("probabilities")),
    /** Recognition: {@code descriptor [N,128]}, raw (not L2-normalised); compare with Euclidean distance. */
    RECOGNITION("face_recognition.onnx", "face_recognition_model", 150, List.of("descriptor"));

    /** Name of the single input of every graph. */
    public static final String INPUT = "image";

    private final String fileName;
    private final String weightsName;
    private final int inputSize;
    private final List<String> outputs;

    FaceNetwork(String fileName, String weightsName, int inputSize, List<String> outputs) {
        this.fileName = fileName;
        this.weightsName = weightsName;
        this.inputSize = inputSize;
        this.outputs = outputs;
    }

    /** File name of the ONNX graph in a model directory. */
    public String fileName() {
        return fileName;
    }

    /** Base name of the face-api weight files ({@code <name>-weights_manifest.json}, {@code <name>.bin}). */
    public String weightsName() {
        return weightsName;
    }

    /** Side of the square input in pixels. */
    public int inputSize() {
        return inputSize;
    }

    /** Floats per image in the input: size x size x 3. */
    public int inputLength() {
        return inputSize * inputSize * 3;
    }

    public List<String> outputs() {
        return outputs;
    }
}
