package io.facesearch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.image.ImageDecoder;
import io.facesearch.image.RgbImage;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import io.facesearch.testdata.SharedData;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SSD detector: the contract, and its borders, cascade and retries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsdFaceDetectorTest extends FaceDetectorContract {
    private OnnxNetwork network;
    private FaceDetector detector;

    @BeforeAll
    void load() throws Exception {
        network = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.DETECTOR, 2);
        detector = new SsdFaceDetector(network, DetectorSettings.DEFAULT);
    }

    @Override
    protected FaceDetector detector() {
        return detector;
    }

    @AfterAll
    void close() {
        network.close();
    }

    private static RgbImage lfw(String file) throws Exception {
        return new ImageDecoder().decode(Files.readAllBytes(SharedData.file("faces/lfw/" + file))).pixels();
    }

    @Test
    void borderFindsFacesThatFillTheFrame() throws Exception {
        // One of the LFW photos where face-api's single unpadded pass finds nothing above 0.5.
        RgbImage image = lfw("Doris_Schroeder/Doris_Schroeder_0001.jpg");
        FaceDetector original = new SsdFaceDetector(network, DetectorSettings.ORIGINAL);
        FaceDetector padded = new SsdFaceDetector(network, DetectorSettings.DEFAULT);
        assertTrue(original.detect(image).faces().isEmpty(), "the original settings miss this face");
        FaceDetector.Result found = padded.detect(image);
        assertEquals(1, found.faces().size());
        assertTrue(found.canvas().x() < 0, "found on the bordered canvas");
    }

    @Test
    void cascadeGoesOnWhileEveryFaceFoundIsCutByTheEdge() throws Exception {
        // LFW photo of Nelson Mandela: a bystander's half face at the left edge scores 0.47, his own 0.24.
        RgbImage image = lfw("Nelson_Mandela/Nelson_Mandela_0001.jpg");
        DetectorSettings d = DetectorSettings.DEFAULT;
        DetectorSettings firstLevelFound = new DetectorSettings(d.scoreCascade(), d.paddingRatios(), d.retryTransformed(),
                d.maxIou(), d.maxResults(), false);
        List<Detection> stopped = new SsdFaceDetector(network, firstLevelFound).detect(image).faces();
        assertEquals(1, stopped.size());
        assertFalse(SsdFaceDetector.isWhole(stopped.get(0).box(), image), "only the half face: " + stopped);

        List<Detection> sought = new SsdFaceDetector(network, d).detect(image).faces();
        assertEquals(2, sought.size(), "the half face and the whole one: " + sought);
        Detection whole = sought.stream().filter(f -> SsdFaceDetector.isWhole(f.box(), image)).findFirst().orElseThrow();
        assertTrue(whole.score() < 0.3f && Math.abs(whole.box().centerX() - 125) < 30, whole.toString());
    }

    @Test
    void contrastRetryFindsAFaceInADarkPhoto() throws Exception {
        RgbImage dark = lfw("Abdoulaye_Wade/Abdoulaye_Wade_0003.jpg");
        DetectorSettings d = DetectorSettings.DEFAULT;
        DetectorSettings bordersOnly = new DetectorSettings(d.scoreCascade(), d.paddingRatios(), false, d.maxIou(),
                d.maxResults(), true);
        assertTrue(new SsdFaceDetector(network, bordersOnly).detect(dark).faces().isEmpty(),
                "borders and the score cascade alone miss this face");
        List<Detection> faces = new SsdFaceDetector(network, DetectorSettings.DEFAULT).detect(dark).faces();
        assertEquals(1, faces.size());
        // The face is in the left half of the photo, about 110 px wide.
        assertTrue(faces.get(0).box().centerX() < 125 && faces.get(0).box().width() > 80, faces.toString());
    }

    @Test
    void groupPhotoGivesEveryFaceOnce() throws Exception {
        RgbImage group = new ImageDecoder().decode(Files.readAllBytes(
                SharedData.file("faces/groups/face_recognition_obama_and_biden.jpg"))).pixels();
        List<Detection> faces = new SsdFaceDetector(network, DetectorSettings.DEFAULT).detect(group).faces();
        assertEquals(2, faces.size());
        assertFalse(faces.get(0).box().iou(faces.get(1).box()) > 0.5);
    }
}
