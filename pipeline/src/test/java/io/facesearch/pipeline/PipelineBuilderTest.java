package io.facesearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.detect.FaceDetector;
import io.facesearch.embed.FaceEmbedder;
import io.facesearch.embed.FaceresEmbedder;
import io.facesearch.face.Embedding;
import io.facesearch.face.Face;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.LandmarkLocator;
import io.facesearch.model.HumanNetwork;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import io.facesearch.testdata.SharedData;
import io.facesearch.testdata.SharedPipeline;
import io.facesearch.testdata.SharedStages;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The builder checks what it is given, and any embedder plugs in: here faceres in place of the ResNet. */
class PipelineBuilderTest {

    @Test
    void buildNamesTheFirstMissingStage() {
        FaceDetector detector = images -> List.of();
        LandmarkLocator locator = Unused.LOCATOR;
        IllegalStateException noDetector = assertThrows(IllegalStateException.class,
                () -> DefaultFacePipeline.builder().setLandmarkLocator(locator).build());
        assertTrue(noDetector.getMessage().contains("setDetector"), noDetector.getMessage());
        IllegalStateException noLocator = assertThrows(IllegalStateException.class,
                () -> DefaultFacePipeline.builder().setDetector(detector).build());
        assertTrue(noLocator.getMessage().contains("setLandmarkLocator"), noLocator.getMessage());
        IllegalStateException noEmbedder = assertThrows(IllegalStateException.class,
                () -> DefaultFacePipeline.builder().setDetector(detector).setLandmarkLocator(locator).build());
        assertTrue(noEmbedder.getMessage().contains("setEmbedder"), noEmbedder.getMessage());
        IllegalStateException nullObserver = assertThrows(IllegalStateException.class,
                () -> DefaultFacePipeline.builder().setDetector(detector).setLandmarkLocator(locator)
                        .setEmbedder(Unused.EMBEDDER).optStageObserver(null).build());
        assertTrue(nullObserver.getMessage().contains("optStageObserver"), nullObserver.getMessage());
    }

    @Test
    void theDefaultModelIdIsTheDefaultPipelines() {
        assertEquals(SharedPipeline.view().modelId(), FacePipelines.defaultModelId());
        assertTrue(FacePipelines.defaultModelId().endsWith("/dlib+mirror"), FacePipelines.defaultModelId());
    }

    @Test
    void faceresPlugsInAsTheEmbedder() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.file("faces/lfw/Serena_Williams/Serena_Williams_0001.jpg"));
        Map<PipelineStage, AtomicInteger> timed = new EnumMap<>(PipelineStage.class);
        for (PipelineStage stage : PipelineStage.values()) {
            timed.put(stage, new AtomicInteger());
        }
        OnnxNetwork faceres = OnnxNetwork.load(PreparedModels.resolve(HumanNetwork.FACERES),
                HumanNetwork.FACERES.inputSize(), 1);
        try (DefaultFacePipeline pipeline = DefaultFacePipeline.builder()
                .setDetector(SharedStages.detector())
                .setLandmarkLocator(SharedStages.landmarks())
                .setEmbedder(FaceresEmbedder.of(faceres, true))
                .optLevelledLandmarks(true)
                .optStageObserver((stage, nanos) -> timed.get(stage).incrementAndGet())
                .optCloseOnClose(faceres)
                .build()) {
            assertEquals(FaceresEmbedder.DIMENSION, pipeline.embeddingDimension());
            assertEquals(FacePipelines.modelVersion() + "/" + FaceresEmbedder.of(faceres, true).id(), pipeline.modelId());
            List<Face> faces = pipeline.analyze(photo, AnalysisOptions.DEFAULT).faces();
            assertFalse(faces.isEmpty());
            for (Face face : faces) {
                assertNotNull(face.embedding());
                assertEquals(1024, face.embedding().dimension());
                assertEquals(1.0, face.embedding().norm(), 1e-4);
            }
            assertThrows(IllegalStateException.class, () -> pipeline.analyze(photo, AnalysisOptions.EVERYTHING),
                    "no expression classifier was given");
        }
        for (PipelineStage stage : List.of(PipelineStage.DECODE, PipelineStage.DETECT, PipelineStage.LANDMARKS,
                PipelineStage.EMBED)) {
            assertTrue(timed.get(stage).get() >= 1, stage + " was not reported to the observer");
        }
    }

    /** Stages that fail if called: the validation tests never run them. */
    private static final class Unused {
        static final LandmarkLocator LOCATOR = new LandmarkLocator() {
            @Override
            public List<Landmarks> locate(RgbImage image,
                    PixelRegion canvas, List<FaceBox> boxes) {
                throw new AssertionError("not called");
            }

            @Override
            public List<Landmarks> locateTurned(RgbImage image,
                    PixelRegion canvas, List<FaceBox> boxes, double[] rolls) {
                throw new AssertionError("not called");
            }
        };
        static final FaceEmbedder EMBEDDER = new FaceEmbedder() {
            @Override
            public List<Embedding> embed(RgbImage image,
                    PixelRegion canvas, List<FaceBox> boxes,
                    List<Landmarks> faces) {
                throw new AssertionError("not called");
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public String id() {
                return "none";
            }
        };
    }
}
