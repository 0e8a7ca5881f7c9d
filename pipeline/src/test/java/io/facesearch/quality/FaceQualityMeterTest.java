package io.facesearch.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.face.Face;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.testdata.SharedData;
import io.facesearch.testdata.SharedPipeline;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The measures on real photos: a sharp photo and blurred copies of it rank by sharpness; a mirrored
 * photo turns yaw and roll the other way; the default options measure nothing, and asking changes no
 * face.
 */
class FaceQualityMeterTest {
    private static final String PORTRAIT = "faces/lfw/Colin_Powell/Colin_Powell_0001.jpg";

    private static FacePipeline.AnalyzedImage analyze(byte[] photo) throws Exception {
        return SharedPipeline.view().analyze(photo, new AnalysisOptions(false, false, 1).withQuality(true));
    }

    private static FaceQuality mainFace(byte[] photo) throws Exception {
        FacePipeline.AnalyzedImage image = analyze(photo);
        assertEquals(1, image.quality().size(), "one face measured");
        return image.quality().getFirst();
    }

    /** The photo with OpenCV's Gaussian blur of that sigma (pixels), re-encoded as PNG so JPEG adds nothing. */
    private static byte[] transformed(byte[] jpeg, double sigma, boolean mirror) {
        Mat image = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        Mat out = new Mat();
        if (sigma > 0) {
            Imgproc.GaussianBlur(image, out, new Size(0, 0), sigma);
        } else {
            image.copyTo(out);
        }
        if (mirror) {
            Core.flip(out, out, 1);
        }
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".png", out, buf);
        return buf.toArray();
    }

    @Test
    void blurredCopiesRankBelowTheSharpPhoto() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.file(PORTRAIT));
        SharedPipeline.view(); // loads OpenCV
        double sharp = mainFace(transformed(photo, 0, false)).sharpness();
        double light = mainFace(transformed(photo, 1.0, false)).sharpness();
        double heavy = mainFace(transformed(photo, 2.5, false)).sharpness();
        assertTrue(sharp > light && light > heavy, "sharpness falls with blur: " + sharp + " > " + light + " > " + heavy);
        assertTrue(heavy < sharp / 4, "a heavy blur leaves little detail: " + heavy + " of " + sharp);
    }

    @Test
    void aMirroredPhotoTurnsTheOtherWay() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.file(PORTRAIT));
        SharedPipeline.view();
        FaceQuality q = mainFace(transformed(photo, 0, false));
        FaceQuality m = mainFace(transformed(photo, 0, true));
        assertEquals(q.yaw(), -m.yaw(), 3, "yaw mirrored: " + q + " / " + m);
        assertEquals(q.roll(), -m.roll(), 1.5, "roll mirrored: " + q + " / " + m);
        assertEquals(q.pitch(), m.pitch(), 3, "pitch kept: " + q + " / " + m);
        assertEquals(q.facePixels(), m.facePixels(), 3);
        assertTrue(Math.abs(q.yaw()) < 30 && Math.abs(q.pitch()) < 30 && Math.abs(q.roll()) < 15, "a frontal portrait: " + q);
        assertTrue(q.boxToFace() > 0.8 && q.boxToFace() < 1.25, "landmarks agree with the box: " + q);
    }

    @Test
    void qualityIsMeasuredOnlyWhenAskedAndChangesNoFace() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.file(PORTRAIT));
        FacePipeline.AnalyzedImage plain = SharedPipeline.view().analyze(photo, new AnalysisOptions(true, false, 1));
        FacePipeline.AnalyzedImage measured = SharedPipeline.view().analyze(photo, new AnalysisOptions(true, false, 1).withQuality(true));
        assertTrue(plain.quality().isEmpty());
        Face a = plain.faces().getFirst();
        Face b = measured.faces().getFirst();
        assertEquals(a.box(), b.box());
        assertEquals(a.landmarks(), b.landmarks());
        assertEquals(a.embedding(), b.embedding());
        assertEquals(a.score(), measured.quality().getFirst().score());
    }

    @Test
    void laplacianVarianceIsZeroOnFlatAndHighOnFineDetail() {
        int side = 20;
        float[] flat = new float[side * side];
        java.util.Arrays.fill(flat, 128);
        assertEquals(0, FaceQualityMeter.laplacianVariance(flat, side, 1, side - 1), 1e-9);
        float[] checker = new float[side * side];
        for (int i = 0; i < checker.length; i++) {
            checker[i] = ((i / side + i % side) % 2) * 100;
        }
        // Each interior pixel's Laplacian is +-400 (four neighbours differ by 100): variance 400^2.
        assertEquals(160000, FaceQualityMeter.laplacianVariance(checker, side, 1, side - 1), 1e-6);
    }
}
