package io.facesearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.face.Landmarks;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.RgbImage;
import io.facesearch.testdata.LandmarkGeometry;
import io.facesearch.testdata.SharedData;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default pipeline reads landmarks again on the levelled face; switched off, it keeps the first reading. */
class LevelledLandmarksTest {
    private static final List<String> PHOTOS = List.of("Tony_Blair/Tony_Blair_0001.jpg",
            "Nicole_Kidman/Nicole_Kidman_0015.jpg", "Andy_Roddick/Andy_Roddick_0009.jpg");
    private static final double TILT = Math.toRadians(20);

    @Test
    void theLevelledReadingPlacesTheLandmarksOfATiltedPhotoBetter() throws Exception {
        PipelineSettings d = PipelineSettings.DEFAULT;
        PipelineSettings firstReadingOnly = new PipelineSettings(d.detector(), d.aligner(), d.views(),
                d.mirroredLandmarks(), false);
        double levelled = 0;
        double first = 0;
        try (DefaultFacePipeline withLevelling = FacePipelines.open(d);
                DefaultFacePipeline without = FacePipelines.open(firstReadingOnly)) {
            AnalysisOptions options = new AnalysisOptions(false, false, 1);
            for (String photo : PHOTOS) {
                RgbImage image = new ImageDecoder().decode(Files.readAllBytes(SharedData.file("faces/lfw/" + photo))).pixels();
                Landmarks upright = withLevelling.analyze(image, options).get(0).landmarks();
                double cx = image.width() / 2.0;
                double cy = image.height() / 2.0;
                RgbImage tilted = image.turnedRegion(0, 0, image.width(), image.height(), cx, cy, TILT);
                levelled += LandmarkGeometry.meanDistance(upright,
                        LandmarkGeometry.turned(withLevelling.analyze(tilted, options).get(0).landmarks(), cx, cy, TILT));
                first += LandmarkGeometry.meanDistance(upright,
                        LandmarkGeometry.turned(without.analyze(tilted, options).get(0).landmarks(), cx, cy, TILT));
            }
        }
        levelled /= PHOTOS.size();
        first /= PHOTOS.size();
        System.out.printf("pipeline landmarks of photos tilted 20 deg: first reading %.3f px off, levelled %.3f px%n",
                first, levelled);
        assertTrue(levelled < first, "levelled " + levelled + " px vs first reading " + first + " px");
    }
}
