package io.facesearch.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.detect.DetectorSettings;
import io.facesearch.detect.SsdFaceDetector;
import io.facesearch.landmarks.FaceLandmark68Locator;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.HumanNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.PreparedModels;
import io.facesearch.testdata.LfwSample;
import io.facesearch.testdata.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The converted faceres graph: its contract (input, output names and shapes), its structure (the
 * operators the TensorFlow graph maps to, node for node), and sane outputs on real face crops.
 */
class FaceresGraphTest {
    private static final HumanNetwork FACERES = HumanNetwork.FACERES;
    private static OnnxNetwork network;

    @BeforeAll
    static void load() throws IOException {
        network = OnnxNetwork.load(PreparedModels.resolve(FACERES), FACERES.inputSize(), 2);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void graphHasTheContractAndTheStructureOfTheTensorFlowGraph() throws IOException {
        ModelProto model;
        try (InputStream in = Files.newInputStream(PreparedModels.resolve(FACERES))) {
            model = ModelProto.parseFrom(in);
        }
        GraphProto graph = model.getGraph();
        assertEquals(List.of("image"), graph.getInputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals(List.of("N", "224", "224", "3"), dims(graph.getInput(0)));
        assertEquals(FACERES.outputs(), graph.getOutputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals(List.of("N", "1024"), dims(graph.getOutput(0)));
        assertEquals(List.of("N", "1"), dims(graph.getOutput(1)));
        assertEquals(List.of("N", "100"), dims(graph.getOutput(2)));

        // Conv2D x14 and DepthwiseConv2dNative x13 (grouped), each BatchNorm's Mul and Add, ReLU6 as
        // Relu + two one-sided Clips, the pooling, three fused MatMuls (one with Relu), two heads.
        Map<String, Long> ops = graph.getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, TreeMap::new, Collectors.counting()));
        assertEquals(Map.ofEntries(Map.entry("Conv", 27L), Map.entry("Mul", 13L), Map.entry("Add", 27L),
                Map.entry("Relu", 28L), Map.entry("Clip", 54L), Map.entry("ReduceMean", 1L), Map.entry("Gemm", 3L),
                Map.entry("Sigmoid", 1L), Map.entry("Softmax", 1L), Map.entry("Transpose", 1L),
                Map.entry("Identity", 3L)), ops);
        long grouped = graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("Conv"))
                .filter(n -> n.getAttributeList().stream().anyMatch(a -> a.getName().equals("group") && a.getI() > 1))
                .count();
        assertEquals(13, grouped);
        Set<String> autoPadded = graph.getNodeList().stream()
                .filter(n -> n.getAttributeList().stream().anyMatch(a -> a.getName().equals("auto_pad")))
                .map(NodeProto::getName).collect(Collectors.toSet());
        assertEquals(Set.of(), autoPadded, "pads are explicit");
        // 3.49 M parameters, as the tfjs model has.
        long parameters = graph.getInitializerList().stream()
                .filter(t -> t.getDataType() == ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .mapToLong(t -> t.getDimsList().stream().reduce(1L, (a, b) -> a * b)).sum();
        assertTrue(parameters > 3_480_000 && parameters < 3_500_000, "parameters: " + parameters);
    }

    @Test
    void outputsHaveTheirShapesAndABatchEqualsSingleImages() {
        assertEquals(FACERES.outputs(), network.outputNames());
        float[] a = pattern(1);
        float[] b = pattern(2);
        float[] batch = new float[a.length * 2];
        System.arraycopy(a, 0, batch, 0, a.length);
        System.arraycopy(b, 0, batch, a.length, b.length);
        NetworkOutputs both = network.run(batch, 2);
        assertEquals(2 * 1024, both.get("embedding").length);
        assertEquals(2, both.get("gender").length);
        assertEquals(2 * 100, both.get("age").length);
        NetworkOutputs first = network.run(a, 1);
        for (String output : FACERES.outputs()) {
            assertArrayEquals(first.get(output), both.row(output, 0), 1e-4f, output);
        }
    }

    @Test
    void realFaceCropsGiveSaneOutputs() throws IOException {
        java.nio.file.Path faces = SharedData.faces();
        ModelFiles files = PreparedModels.resolve();
        LfwSample sample;
        try (OnnxNetwork det = OnnxNetwork.load(files, FaceNetwork.DETECTOR, 1);
                OnnxNetwork marks = OnnxNetwork.load(files, FaceNetwork.LANDMARKS, 1)) {
            sample = LfwSample.locate(faces.resolve("lfw"), LfwSample.pick(faces, 2, 2),
                    new SsdFaceDetector(det, DetectorSettings.DEFAULT), new FaceLandmark68Locator(marks));
        }
        int size = FACERES.inputSize();
        int plane = FACERES.inputLength();
        float[] crops = new float[plane * sample.faces().size()];
        for (int i = 0; i < sample.faces().size(); i++) {
            LfwSample.LocatedFace f = sample.faces().get(i);
            new DlibFaceChip().writeChip(f.image(), f.canvas(), f.box(), f.landmarks(), ChipView.IDENTITY, size, crops,
                    i * plane);
        }
        NetworkOutputs out = network.run(crops, sample.faces().size());
        for (int i = 0; i < sample.faces().size(); i++) {
            float[] embedding = out.row("embedding", i);
            assertEquals(1024, embedding.length);
            // The mean of a ReLU6 feature map: every value in 0..6, and a real face lights up many.
            long active = 0;
            for (float v : embedding) {
                assertTrue(v >= 0 && v <= 6, "embedding value " + v);
                active += v > 0 ? 1 : 0;
            }
            assertTrue(active > 100, "active features: " + active);
            float gender = out.row("gender", i)[0];
            assertTrue(gender > 0 && gender < 1, "gender " + gender);
            double total = 0;
            for (float p : out.row("age", i)) {
                assertTrue(p >= 0);
                total += p;
            }
            assertEquals(1, total, 1e-4);
        }
    }

    private static List<String> dims(ValueInfoProto value) {
        return value.getType().getTensorType().getShape().getDimList().stream()
                .map(d -> d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue()))
                .toList();
    }

    /** A smooth deterministic pattern in 0..255, different per seed. */
    private static float[] pattern(int seed) {
        float[] image = new float[FACERES.inputLength()];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (127.5 + 127.5 * Math.sin(i * 0.0007 * (seed + 1) + seed));
        }
        return image;
    }
}
