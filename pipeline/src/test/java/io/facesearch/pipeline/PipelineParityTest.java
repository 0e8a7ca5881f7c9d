package io.facesearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facesearch.align.FaceApiCrop;
import io.facesearch.expression.ExpressionClassifier;
import io.facesearch.face.Face;
import io.facesearch.face.FaceBox;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.FaceLandmark68Locator;
import io.facesearch.testdata.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The product's whole pipeline, with face-api's own settings, against the reference outputs on
 * the PNG images of the golden files (their pixels decode identically here and in the reference):
 * same faces, same integer crops for each network, same landmarks, descriptors and expressions.
 * This checks FaceSearch's preprocessing and post-processing code, where the network parity tests
 * check the converted graphs alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineParityTest {
    private DefaultFacePipeline pipeline;

    @BeforeAll
    void open() {
        if (SharedData.locate() != null) {
            pipeline = FacePipelines.open(PipelineSettings.ORIGINAL, 2);
        }
    }

    @AfterAll
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void originalSettingsReproduceTheReferenceOnPngImages() throws Exception {
        Path golden = SharedData.golden();
        ObjectMapper json = new ObjectMapper();
        int images = 0;
        int faces = 0;
        double worstLandmark = 0;
        double worstDescriptor = 0;
        double worstExpression = 0;
        for (String set : List.of("small", "groups", "negatives")) {
            for (String line : Files.readAllLines(golden.resolve(set + ".jsonl"))) {
                JsonNode ref = json.readTree(line);
                String file = ref.get("file").asText();
                if (!file.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                    continue;
                }
                images++;
                RgbImage image = decodeLikeTheReference(SharedData.faces().resolve(set).resolve(file));
                List<Face> ours = new ArrayList<>(pipeline.analyze(image, AnalysisOptions.EVERYTHING));
                assertEquals(ref.get("faces").size(), ours.size(), file + ": face count");
                PixelRegion canvas = new PixelRegion(0, 0, image.width(), image.height());
                for (JsonNode rf : ref.get("faces")) {
                    faces++;
                    FaceBox refBox = box(rf.get("box"));
                    Face f = ours.stream().max(java.util.Comparator.comparingDouble(o -> o.box().iou(refBox))).orElseThrow();
                    assertTrue(f.box().iou(refBox) >= 0.95, file + ": IoU " + f.box().iou(refBox));
                    JsonNode crops = rf.get("crops");
                    assertArrayEquals(ints(crops.get("landmarks")), region(FaceLandmark68Locator.cropOf(f.box(), canvas)),
                            file + ": landmark crop");
                    assertArrayEquals(ints(crops.get("expression")),
                            region(ExpressionClassifier.cropOf(f.landmarks(), canvas)), file + ": expression crop");
                    assertArrayEquals(ints(crops.get("descriptor")), region(FaceApiCrop.cropOf(f.landmarks(), FaceLandmark68Locator.cropOf(f.box(), canvas), canvas)),
                            file + ": descriptor crop");
                    JsonNode points = rf.get("landmarks68");
                    for (int p = 0; p < 68; p++) {
                        worstLandmark = Math.max(worstLandmark, Math.hypot(f.landmarks().x(p) - points.get(p).get(0).asDouble(),
                                f.landmarks().y(p) - points.get(p).get(1).asDouble()));
                    }
                    JsonNode d = rf.get("descriptor");
                    for (int k = 0; k < 128; k++) {
                        worstDescriptor = Math.max(worstDescriptor, Math.abs(f.embedding().get(k) - d.get(k).asDouble()));
                    }
                    float[] p = f.expressions().probabilities();
                    String[] labels = {"neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"};
                    for (int k = 0; k < 7; k++) {
                        worstExpression = Math.max(worstExpression, Math.abs(p[k] - rf.get("expression").get(labels[k]).asDouble()));
                    }
                }
            }
        }
        System.out.printf("pipeline parity on %d PNG images, %d faces: landmarks %.4f px, descriptor %.2e, expression %.2e%n",
                images, faces, worstLandmark, worstDescriptor, worstExpression);
        assertTrue(faces > 0, "no PNG faces in the golden files");
        assertTrue(worstLandmark <= 1, "landmarks off by " + worstLandmark + " px");
        assertTrue(worstDescriptor <= 1e-3, "descriptor off by " + worstDescriptor);
        assertTrue(worstExpression <= 0.01, "expression off by " + worstExpression);
    }

    /** The reference decoder ignores EXIF orientation; everything else matches ImageDecoder. */
    private static RgbImage decodeLikeTheReference(Path file) throws Exception {
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(file)),
                Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
        Mat rgb = new Mat();
        Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
        byte[] px = new byte[rgb.cols() * rgb.rows() * 3];
        rgb.get(0, 0, px);
        RgbImage image = new RgbImage(rgb.cols(), rgb.rows(), px);
        bgr.release();
        rgb.release();
        return image;
    }

    private static FaceBox box(JsonNode b) {
        return new FaceBox((float) b.get(0).asDouble(), (float) b.get(1).asDouble(), (float) b.get(2).asDouble(),
                (float) b.get(3).asDouble());
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static int[] region(PixelRegion r) {
        return new int[] {r.x(), r.y(), r.width(), r.height()};
    }
}
