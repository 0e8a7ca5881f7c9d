package io.facesearch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.face.FaceBox;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.RgbImage;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import io.facesearch.testdata.SharedData;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceProminenceTest {

    @Test
    void theSubjectOutranksALargerBystanderCutByTheEdge() throws Exception {
        // LFW photo of Cheryl Hines: a neighbour's face, cut by the top edge, gets a larger box than hers.
        RgbImage image = new ImageDecoder().decode(Files.readAllBytes(
                SharedData.file("faces/lfw/Cheryl_Hines/Cheryl_Hines_0001.jpg"))).pixels();
        List<FaceBox> boxes;
        try (OnnxNetwork network = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.DETECTOR, 1)) {
            boxes = new SsdFaceDetector(network, DetectorSettings.DEFAULT).detect(image).faces().stream()
                    .map(Detection::box).toList();
        }
        assertTrue(boxes.size() >= 2, "the subject and a bystander: " + boxes);
        FaceBox largest = boxes.stream().max(Comparator.comparingDouble(FaceBox::area)).orElseThrow();
        FaceBox main = boxes.stream().sorted(FaceProminence.mainFirst(image.width(), image.height())).findFirst().orElseThrow();
        assertNotEquals(largest, main);
        assertTrue(Math.abs(main.centerX() - 125) < 30 && Math.abs(main.centerY() - 125) < 30,
                "the subject is in the middle of the 250 px photo: " + main);
    }

    @Test
    void rankingDoesNotDependOnThePhotosSize() {
        FaceBox centralSmall = new FaceBox(100, 100, 60, 70);
        FaceBox edgeLarge = new FaceBox(0, 20, 90, 150);
        for (int scale = 1; scale <= 8; scale *= 2) {
            int s = scale;
            Comparator<FaceBox> order = FaceProminence.mainFirst(250 * s, 250 * s);
            FaceBox a = new FaceBox(centralSmall.x() * s, centralSmall.y() * s, centralSmall.width() * s, centralSmall.height() * s);
            FaceBox b = new FaceBox(edgeLarge.x() * s, edgeLarge.y() * s, edgeLarge.width() * s, edgeLarge.height() * s);
            assertEquals(a, List.of(b, a).stream().sorted(order).findFirst().orElseThrow(), "at scale " + s);
        }
        // Alone in the frame, the larger face still wins when both are equally central.
        Comparator<FaceBox> order = FaceProminence.mainFirst(250, 250);
        assertEquals(new FaceBox(75, 75, 100, 100),
                List.of(new FaceBox(100, 100, 50, 50), new FaceBox(75, 75, 100, 100)).stream().sorted(order).findFirst().orElseThrow());
    }
}
