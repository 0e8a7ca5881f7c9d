package io.facesearch.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.model.FaceNetwork;
import io.facesearch.network.GoldenDetections.Detection;
import io.facesearch.network.GoldenSet.Face;
import io.facesearch.network.GoldenSet.Image;
import io.facesearch.model.PreparedModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * face_detector.onnx plus the reference NMS against the reference detections: same number of faces
 * per image, and each reference box matched by one of ours. On PNG every image must agree and every
 * box overlap at IoU >= 0.95. On JPEG, faces scored near the 0.5 threshold can appear or vanish with
 * a few grey levels of decoder difference, so the bounds are looser and documented below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectorParityTest {
    private static final double PNG_MIN_IOU = 0.95;

    private OnnxNetwork network;

    @BeforeAll
    void loadNetwork() throws IOException {
        if (GoldenSet.available()) {
            network = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.DETECTOR, Runtime.getRuntime().availableProcessors());
        }
    }

    @AfterAll
    void closeNetwork() {
        if (network != null) {
            network.close();
        }
    }

    /** Outcome over a set of images. IoU deviations are stored as 1 - IoU so larger is worse. */
    private record Agreement(int images, List<String> countMismatches, Deviations iouLoss, int unmatched) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "images=%d count mismatches=%d %s, unmatched faces=%d, %s",
                    images, countMismatches.size(), countMismatches, unmatched, iouLoss);
        }
    }

    @Test
    void pngDetectionsMatchTheReference() throws IOException {
        Agreement a = measure(true);
        System.out.println("DETECTOR PNG " + a);
        assertTrue(a.images() > 0, "no PNG images in the golden files");
        assertEquals(List.of(), a.countMismatches(), "face counts differ on PNG: " + a);
        assertTrue(a.iouLoss().max() <= 1 - PNG_MIN_IOU, "IoU below " + PNG_MIN_IOU + " on PNG: " + a);
    }

    /**
     * Measured on 272 JPEG images with 1,017 reference faces: face counts differ on 11 images (4%), every
     * time by faces the reference scored 0.50 to 0.57 or that we score just above 0.5; 13 reference faces
     * (1.3%) have no match; IoU median 0.988, p99 0.874, min 0.77 (faces of ~10-20 px in crowds).
     */
    @Test
    void jpegDetectionsMatchTheReferenceUpToDecoderDifferences() throws IOException {
        Agreement a = measure(false);
        System.out.println("DETECTOR JPEG " + a);
        assertTrue(a.countMismatches().size() <= 0.06 * a.images(), "face counts differ on too many JPEG images: " + a);
        assertTrue(a.unmatched() <= 0.02 * (a.unmatched() + a.iouLoss().count()), "too many unmatched JPEG faces: " + a);
        assertTrue(a.iouLoss().quantile(0.5) <= 1 - 0.97, "median IoU below 0.97 on JPEG: " + a);
        assertTrue(a.iouLoss().quantile(0.99) <= 1 - 0.8, "p99 IoU below 0.8 on JPEG: " + a);
    }

    private Agreement measure(boolean png) throws IOException {
        GoldenSet.sharedRoot();
        int images = 0;
        int unmatched = 0;
        List<String> mismatches = new ArrayList<>();
        Deviations iouLoss = new Deviations("1 - IoU");
        for (String set : FaceNetworkParityTest.GOLDEN_SETS) {
            for (Image image : GoldenSet.load(set)) {
                if (image.isPng() != png) {
                    continue;
                }
                images++;
                GoldenCrops.Pixels pixels = GoldenCrops.decode(image.file());
                NetworkOutputs out = network.run(GoldenCrops.detectorInput(pixels, FaceNetwork.DETECTOR.inputSize()), 1);
                List<Detection> ours = GoldenDetections.locate(out.get("boxes"), out.get("scores"), image.width(), image.height());
                String name = image.file().getFileName().toString();
                if (ours.size() != image.faces().size()) {
                    mismatches.add(String.format(Locale.ROOT, "%s ours %s reference %s", name,
                            ours.stream().map(d -> String.format(Locale.ROOT, "%.3f", d.score())).toList(),
                            image.faces().stream().map(f -> String.format(Locale.ROOT, "%.3f", f.score())).toList()));
                }
                for (int i = 0; i < image.faces().size(); i++) {
                    Face face = image.faces().get(i);
                    double best = 0;
                    for (Detection d : ours) {
                        best = Math.max(best, d.iou(face.box()));
                    }
                    if (best < 0.5) {
                        unmatched++;
                    } else {
                        iouLoss.add(1 - best, name + " face " + i);
                    }
                }
            }
        }
        return new Agreement(images, mismatches, iouLoss, unmatched);
    }
}
