package io.facesearch.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.detect.DetectorSettings;
import io.facesearch.detect.FaceDetector;
import io.facesearch.detect.SsdFaceDetector;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import io.facesearch.testdata.LandmarkGeometry;
import io.facesearch.testdata.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.nio.file.Files;
import java.util.List;

/** face-api's 68-point network, mirror-averaged as the pipeline runs it: the contract, and the averaging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceLandmark68LocatorTest extends LandmarkLocatorContract {
    private static final List<String> PHOTOS = List.of("Tony_Blair/Tony_Blair_0001.jpg", "Nicole_Kidman/Nicole_Kidman_0015.jpg",
            "Andy_Roddick/Andy_Roddick_0009.jpg", "Jim_OBrien/Jim_OBrien_0001.jpg", "Recep_Tayyip_Erdogan/Recep_Tayyip_Erdogan_0002.jpg");

    private OnnxNetwork detectorNetwork;
    private OnnxNetwork landmarkNetwork;

    @BeforeAll
    void load() throws Exception {
        detectorNetwork = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.DETECTOR, 1);
        landmarkNetwork = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.LANDMARKS, 1);
    }

    @Override
    protected LandmarkLocator locator() {
        return new FaceLandmark68Locator(landmarkNetwork, true);
    }

    @AfterAll
    void close() {
        detectorNetwork.close();
        landmarkNetwork.close();
    }

    @Test
    void mirrorAveragingIndexesThePointsOfBothSidesConsistently() {
        int[] m = FaceLandmark68Locator.MIRRORED_POINT;
        assertEquals(Landmarks.COUNT, m.length);
        for (int p = 0; p < m.length; p++) {
            assertEquals(p, m[m[p]], "a point's mirror's mirror is itself: " + p);
        }
        // Outer eye corners, mouth corners, nose tip and chin.
        assertEquals(45, m[36]);
        assertEquals(54, m[48]);
        assertEquals(30, m[30]);
        assertEquals(8, m[8]);
    }

    /** A test photo and the detector's best face in it. */
    private record Found(String photo, RgbImage image, FaceBox box, PixelRegion canvas) {
    }

    private List<Found> photos() throws Exception {
        FaceDetector detector = new SsdFaceDetector(detectorNetwork, DetectorSettings.DEFAULT);
        List<Found> out = new java.util.ArrayList<>();
        for (String photo : PHOTOS) {
            RgbImage image = new ImageDecoder().decode(Files.readAllBytes(SharedData.file("faces/lfw/" + photo))).pixels();
            FaceDetector.Result found = detector.detect(image);
            out.add(new Found(photo, image, found.faces().get(0).box(), found.canvas()));
        }
        return out;
    }

    /**
     * The same face in a photo and in its mirror image should get mirrored landmarks. One reading of
     * the network misses that by a pixel or so; the averaged reading comes much closer, which is why
     * it aligns faces more steadily.
     */
    @Test
    void averagedLandmarksFollowTheMirroredPhoto() throws Exception {
        double single = 0;
        double averaged = 0;
        for (Found f : photos()) {
            FaceBox b = f.box();
            // Whole-pixel boxes, so that the crop of the mirrored photo is exactly the mirrored crop.
            FaceBox box = new FaceBox(Math.round(b.x()), Math.round(b.y()), Math.round(b.width()), Math.round(b.height()));
            FaceBox flipped = new FaceBox(f.image().width() - box.x() - box.width(), box.y(), box.width(), box.height());
            single += asymmetry(new FaceLandmark68Locator(landmarkNetwork, false), f.image(), f.canvas(), box, flipped);
            averaged += asymmetry(new FaceLandmark68Locator(landmarkNetwork, true), f.image(), f.canvas(), box, flipped);
        }
        single /= PHOTOS.size();
        averaged /= PHOTOS.size();
        System.out.printf("landmark asymmetry under mirroring: single reading %.3f px, averaged %.3f px%n", single, averaged);
        assertTrue(averaged < 0.5 * single, "averaging should at least halve the asymmetry: " + averaged + " vs " + single);
    }

    @Test
    void turningByNothingReadsTheSameCrop() throws Exception {
        LandmarkLocator d = new FaceLandmark68Locator(landmarkNetwork, true);
        for (Found f : photos()) {
            List<FaceBox> boxes = List.of(f.box());
            float[] plain = d.locate(f.image(), f.canvas(), boxes).get(0).toArray();
            float[] turned = d.locateTurned(f.image(), f.canvas(), boxes, new double[] {0}).get(0).toArray();
            for (int i = 0; i < plain.length; i++) {
                assertEquals(plain[i], turned[i], 1e-4f, f.photo() + ", coordinate " + i);
            }
        }
    }

    /**
     * Photos turned by 20 degrees: read as they are, the network places the points less well than on
     * the upright photo; read again with the face turned level by the roll of that first reading, the
     * points (turned back) land close to the upright photo's.
     */
    @Test
    void levelledReadingFollowsATiltedFace() throws Exception {
        LandmarkLocator d = new FaceLandmark68Locator(landmarkNetwork, true);
        double tilt = Math.toRadians(20);
        double first = 0;
        double levelled = 0;
        for (Found f : photos()) {
            RgbImage image = f.image();
            FaceBox box = f.box();
            PixelRegion canvas = f.canvas();
            Landmarks upright = d.locate(image, canvas, List.of(box)).get(0);
            // tilted(X) = image(c + R(tilt)(X - c)): the face turned by -tilt about its box's centre.
            RgbImage tilted = image.turnedRegion(0, 0, image.width(), image.height(), box.centerX(), box.centerY(), tilt);
            Landmarks read = d.locate(tilted, canvas, List.of(box)).get(0);
            double roll = io.facesearch.align.DlibFaceChip.fit(read).angle();
            Landmarks again = d.locateTurned(tilted, canvas, List.of(box), new double[] {roll}).get(0);
            first += LandmarkGeometry.meanDistance(upright, LandmarkGeometry.turned(read, box.centerX(), box.centerY(), tilt));
            levelled += LandmarkGeometry.meanDistance(upright, LandmarkGeometry.turned(again, box.centerX(), box.centerY(), tilt));
        }
        first /= PHOTOS.size();
        levelled /= PHOTOS.size();
        System.out.printf("landmarks of a face tilted 20 deg, from the upright photo's: first reading %.3f px, levelled %.3f px%n",
                first, levelled);
        assertTrue(levelled < first, "the levelled reading should come closer: " + levelled + " vs " + first);
        assertTrue(levelled < 1.5, "levelled landmarks should be within 1.5 px of the upright photo's: " + levelled);
    }

    /** Mean distance between the landmarks of a face and the flipped-back landmarks of its mirror image. */
    private static double asymmetry(LandmarkLocator d, RgbImage image, PixelRegion canvas, FaceBox box, FaceBox flipped) {
        Landmarks direct = d.locate(image, canvas, List.of(box)).get(0);
        Landmarks mirrored = d.locate(image.mirrored(), canvas, List.of(flipped)).get(0);
        double sum = 0;
        for (int p = 0; p < Landmarks.COUNT; p++) {
            int q = FaceLandmark68Locator.MIRRORED_POINT[p];
            double dx = direct.x(p) - (image.width() - mirrored.x(q));
            double dy = direct.y(p) - mirrored.y(q);
            sum += Math.hypot(dx, dy);
        }
        return sum / Landmarks.COUNT;
    }
}
