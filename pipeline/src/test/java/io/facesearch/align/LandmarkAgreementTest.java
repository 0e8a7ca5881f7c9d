package io.facesearch.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.detect.Detection;
import io.facesearch.detect.DetectorSettings;
import io.facesearch.detect.FaceDetector;
import io.facesearch.detect.SsdFaceDetector;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.FaceLandmark68Locator;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import io.facesearch.testdata.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandmarkAgreementTest {
    private OnnxNetwork detector;
    private OnnxNetwork landmarks;

    @BeforeAll
    void load() throws Exception {
        ModelFiles models = PreparedModels.resolve();
        detector = OnnxNetwork.load(models, FaceNetwork.DETECTOR, 2);
        landmarks = OnnxNetwork.load(models, FaceNetwork.LANDMARKS, 2);
    }

    @AfterAll
    void close() {
        detector.close();
        landmarks.close();
    }

    private record Located(List<Detection> faces, List<Landmarks> points) {
    }

    private Located locate(String lfwFile) throws Exception {
        RgbImage image = new ImageDecoder().decode(Files.readAllBytes(SharedData.file("faces/lfw/" + lfwFile))).pixels();
        FaceDetector.Result result = new SsdFaceDetector(detector, DetectorSettings.DEFAULT).detect(image);
        List<FaceBox> boxes = result.faces().stream().map(Detection::box).toList();
        return new Located(result.faces(), new FaceLandmark68Locator(landmarks, true).locate(image, result.canvas(), boxes));
    }

    @Test
    void aFalseDetectionOverHalfThePhotoDisagreesWithItsLandmarks() throws Exception {
        // LFW photo of Fred Thompson, hand at his face: only low-scored boxes, one of them over most of the photo.
        Located found = locate("Fred_Thompson/Fred_Thompson_0001.jpg");
        List<FaceBox> agreeing = new ArrayList<>();
        List<FaceBox> disagreeing = new ArrayList<>();
        for (int i = 0; i < found.faces().size(); i++) {
            FaceBox box = found.faces().get(i).box();
            (LandmarkAgreement.agrees(box, found.points().get(i)) ? agreeing : disagreeing).add(box);
        }
        assertEquals(1, agreeing.size(), "his face: " + found.faces());
        assertEquals(1, disagreeing.size(), "the large false box: " + found.faces());
        assertTrue(disagreeing.get(0).area() > 1.5 * agreeing.get(0).area(), "the false box is the larger: " + found.faces());
        assertTrue(LandmarkAgreement.boxToFace(disagreeing.get(0), found.points().get(found.faces().stream()
                .map(Detection::box).toList().indexOf(disagreeing.get(0)))) > 3, "its landmarks collapse");
    }

    @Test
    void ordinaryFacesAgree() throws Exception {
        for (String file : List.of("Cheryl_Hines/Cheryl_Hines_0001.jpg", "Doris_Schroeder/Doris_Schroeder_0001.jpg",
                "Nelson_Mandela/Nelson_Mandela_0001.jpg", "Sam_Bith/Sam_Bith_0001.jpg")) {
            Located found = locate(file);
            int agreeing = 0;
            for (int i = 0; i < found.faces().size(); i++) {
                double ratio = LandmarkAgreement.boxToFace(found.faces().get(i).box(), found.points().get(i));
                if (LandmarkAgreement.agrees(found.faces().get(i).box(), found.points().get(i))) {
                    agreeing++;
                    assertTrue(ratio > 0.7 && ratio < 1.4, file + ": a real face's box is close to its fit, " + ratio);
                }
            }
            assertTrue(agreeing >= 1, file + ": " + found.faces());
        }
    }

    @Test
    void agreementIsASizeRatioWithinAFactorOfTwo() {
        Landmarks face = landmarksOfUnitFace(100, 100, 1.0);
        // The dlib fit at scale s spans MEAN_BOX_SIDE * s image pixels of detection box.
        double side = LandmarkAgreement.MEAN_BOX_SIDE * DlibFaceChip.fit(face).scale();
        assertTrue(LandmarkAgreement.agrees(new FaceBox(0, 0, (float) side, (float) side), face));
        assertTrue(LandmarkAgreement.agrees(new FaceBox(0, 0, (float) (side * 1.9), (float) (side * 1.9)), face));
        assertFalse(LandmarkAgreement.agrees(new FaceBox(0, 0, (float) (side * 2.1), (float) (side * 2.1)), face));
        assertFalse(LandmarkAgreement.agrees(new FaceBox(0, 0, (float) (side / 2.1), (float) (side / 2.1)), face));
    }

    /** dlib's mean face placed at {@code (x, y)} with {@code scale} image pixels per chip pixel. */
    private static Landmarks landmarksOfUnitFace(double x, double y, double scale) {
        return FitStudy.placedBy(new Landmarks(new float[Landmarks.COUNT * 2]), new ChipTransform(0, scale, x, y));
    }
}
