package io.facesearch.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facesearch.model.FaceNetwork;
import io.facesearch.model.PreparedModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Each converted graph has the input size, output names and output sizes that callers rely on. */
class GraphContractTest {
    /** Floats per image of each output, in output order. */
    private static final Map<FaceNetwork, List<Integer>> OUTPUT_LENGTHS = Map.of(
            FaceNetwork.DETECTOR, List.of(5118 * 4, 5118),
            FaceNetwork.LANDMARKS, List.of(136),
            FaceNetwork.EXPRESSION, List.of(7),
            FaceNetwork.RECOGNITION, List.of(128));

    @ParameterizedTest
    @EnumSource(FaceNetwork.class)
    void graphHonoursTheContract(FaceNetwork network) throws IOException {
        try (OnnxNetwork onnx = OnnxNetwork.load(PreparedModels.resolve(), network, 1)) {
            assertEquals(network.outputs(), onnx.outputNames());
            NetworkOutputs out = onnx.run(new float[network.inputLength() * 2], 2);
            for (int i = 0; i < network.outputs().size(); i++) {
                assertEquals(2 * OUTPUT_LENGTHS.get(network).get(i), out.values().get(i).length, network.outputs().get(i));
            }
        }
    }
}
