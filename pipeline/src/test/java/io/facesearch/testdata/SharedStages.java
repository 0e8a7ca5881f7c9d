package io.facesearch.testdata;

import io.facesearch.detect.DetectorSettings;
import io.facesearch.detect.FaceDetector;
import io.facesearch.detect.SsdFaceDetector;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.InvalidImageException;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.FaceLandmark68Locator;
import io.facesearch.landmarks.LandmarkLocator;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The default detector and landmark locator, loaded once per test JVM, and the photos the stage
 * contracts run on. A contract test of one stage takes its input from the stages before it: an
 * embedder is tested on faces these found. The networks go with the JVM.
 */
public final class SharedStages {
    /** LFW photos of one person each, several per person: enough for same- and different-person distances. */
    private static final int IDENTITIES = 6;
    private static final int PHOTOS_EACH = 2;

    private static FaceDetector detector;
    private static LandmarkLocator landmarks;
    private static LfwSample sample;

    private SharedStages() {
    }

    /** The default SSD detector. */
    public static synchronized FaceDetector detector() {
        if (detector == null) {
            detector = new SsdFaceDetector(load(FaceNetwork.DETECTOR), DetectorSettings.DEFAULT);
        }
        return detector;
    }

    /** The default landmark locator (mirror-averaged). */
    public static synchronized LandmarkLocator landmarks() {
        if (landmarks == null) {
            landmarks = new FaceLandmark68Locator(load(FaceNetwork.LANDMARKS), true);
        }
        return landmarks;
    }

    /** The main face of {@value #PHOTOS_EACH} LFW photos each of {@value #IDENTITIES} people, located. */
    public static synchronized LfwSample sample() {
        if (sample == null) {
            try {
                List<String> files = LfwSample.pick(SharedData.faces(), IDENTITIES, PHOTOS_EACH);
                sample = LfwSample.locate(SharedData.faces().resolve("lfw"), files, detector(), landmarks());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample;
    }

    /** A shared photo, decoded: {@code faces/lfw/...} or {@code faces/negatives/...}. */
    public static RgbImage photo(String relative) {
        try {
            return new ImageDecoder().decode(Files.readAllBytes(SharedData.file(relative))).pixels();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidImageException e) {
            throw new IllegalStateException(relative + ": " + e.getMessage(), e);
        }
    }

    private static OnnxNetwork load(FaceNetwork network) {
        try {
            return OnnxNetwork.load(PreparedModels.resolve(), network, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
