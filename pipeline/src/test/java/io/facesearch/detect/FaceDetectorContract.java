package io.facesearch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.face.FaceBox;
import io.facesearch.image.RgbImage;
import io.facesearch.testdata.Concurrently;
import io.facesearch.testdata.SharedStages;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link FaceDetector} must do, on real photos. An implementation's test extends this
 * class, provides {@link #detector()} (loaded once, in a {@code @BeforeAll}) and adds only what is
 * particular to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FaceDetectorContract {
    /** Portraits, one person each, face near the centre. */
    private static final List<String> PORTRAITS = List.of("faces/lfw/George_W_Bush/George_W_Bush_0001.jpg",
            "faces/lfw/Serena_Williams/Serena_Williams_0001.jpg", "faces/lfw/Colin_Powell/Colin_Powell_0002.jpg");
    /** A brick wall: no face, nothing like one. */
    private static final String NEGATIVE = "faces/negatives/skimage_brick.png";

    /** The detector under test. */
    protected abstract FaceDetector detector();

    @Test
    void findsTheFaceOfEachPortrait() {
        for (String file : PORTRAITS) {
            RgbImage image = SharedStages.photo(file);
            FaceDetector.Result result = detector().detect(image);
            assertFalse(result.faces().isEmpty(), "no face in " + file);
            FaceBox box = result.faces().get(0).box();
            assertTrue(box.width() > 0.1 * image.width() && box.height() > 0.1 * image.height(), file + ": " + box);
            assertTrue(box.centerX() > 0 && box.centerX() < image.width() && box.centerY() > 0
                    && box.centerY() < image.height(), file + ": the face's centre is off the photo: " + box);
        }
    }

    @Test
    void findsNoFaceOnAPhotoWithoutOne() {
        assertEquals(List.of(), detector().detect(SharedStages.photo(NEGATIVE)).faces());
    }

    @Test
    void facesComeBestScoreFirstWithScoresBetweenZeroAndOne() {
        for (String file : PORTRAITS) {
            List<Detection> faces = detector().detect(SharedStages.photo(file)).faces();
            for (int i = 0; i < faces.size(); i++) {
                float score = faces.get(i).score();
                assertTrue(score > 0 && score <= 1, file + ": score " + score);
                if (i > 0) {
                    assertTrue(faces.get(i - 1).score() >= score, file + ": not best first: " + faces);
                }
            }
        }
    }

    @Test
    void theCanvasHoldsThePhoto() {
        RgbImage image = SharedStages.photo(PORTRAITS.get(0));
        var canvas = detector().detect(image).canvas();
        assertTrue(canvas.x() <= 0 && canvas.y() <= 0 && canvas.x() + canvas.width() >= image.width()
                && canvas.y() + canvas.height() >= image.height(), "canvas " + canvas);
    }

    @Test
    void theSamePhotoGivesTheSameFaces() {
        RgbImage image = SharedStages.photo(PORTRAITS.get(1));
        assertEquals(detector().detect(image), detector().detect(image));
    }

    @Test
    void aBatchGivesOneResultPerPhotoInOrderAndAnEmptyBatchNone() {
        List<RgbImage> images = List.of(SharedStages.photo(PORTRAITS.get(0)), SharedStages.photo(NEGATIVE),
                SharedStages.photo(PORTRAITS.get(2)));
        List<FaceDetector.Result> results = detector().detect(images);
        assertEquals(3, results.size());
        assertFalse(results.get(0).faces().isEmpty());
        assertTrue(results.get(1).faces().isEmpty());
        assertFalse(results.get(2).faces().isEmpty());
        assertEquals(List.of(), detector().detect(List.of()));
    }

    @Test
    void concurrentCallsGiveWhatSingleCallsGive() throws Exception {
        List<RgbImage> images = PORTRAITS.stream().map(SharedStages::photo).toList();
        List<Callable<FaceDetector.Result>> calls = images.stream()
                .<Callable<FaceDetector.Result>>map(image -> () -> detector().detect(image)).toList();
        List<List<FaceDetector.Result>> results = Concurrently.run(calls, 2);
        for (int i = 0; i < images.size(); i++) {
            FaceDetector.Result alone = detector().detect(images.get(i));
            for (FaceDetector.Result concurrent : results.get(i)) {
                assertEquals(alone, concurrent, PORTRAITS.get(i));
            }
        }
    }
}
