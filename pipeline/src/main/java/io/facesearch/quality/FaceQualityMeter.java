package io.facesearch.quality;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceAligner;
import io.facesearch.align.LandmarkAgreement;
import io.facesearch.face.Face;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;

/**
 * Measures a located face's {@link FaceQuality}: one dlib chip (no network) and a few landmark
 * ratios. Stateless, so thread-safe.
 *
 * <p>Blur is the variance of the Laplacian on the grey chip, with the 4-neighbour 3 x 3 kernel
 * {@code [0 1 0; 1 -4 1; 0 1 0]} written out here rather than OpenCV's {@code Laplacian} (which with
 * {@code ksize = 1} applies the same kernel): the chip is already a float array in Java, and copying it
 * into a native {@code Mat} and back would cost more than the 10,000 multiply-adds. It is measured on
 * the chip, not the photo, so that faces of every size are compared at the same scale: a face
 * enlarged from few pixels is as blurred as a face out of focus, and both describe badly.
 */
public final class FaceQualityMeter {
    /** Chip side, px: the dlib chip the recognition network sees. */
    private static final int CHIP = FaceAligner.CHIP_SIZE;
    /**
     * The face proper within the chip: the mean face spans 1 / (1 + 2 * 0.25) of the chip, the
     * central 100 px; padding and background (black beyond the photo's edge) are left out.
     */
    private static final int FACE_FROM = 25;
    private static final int FACE_TO = 125;
    /**
     * Where the nose tip sits between the eye line and the chin on a frontal face, as a fraction of
     * that height: the median over the faces of LFW DevTrain's pair photos, tuning half (0.34, from
     * the quality study's median pitch); a nod moves it up or down.
     */
    static final double FRONTAL_NOSE_HEIGHT = 0.34;
    /** Landmarks (iBUG 68): jaw ends, chin, nose tip. */
    private static final int JAW_RIGHT = 0;
    private static final int JAW_LEFT = 16;
    private static final int CHIN = 8;
    private static final int NOSE_TIP = 30;

    private final DlibFaceChip chip = new DlibFaceChip();

    /**
     * The measures of one face.
     *
     * @param image the decoded image the face was found in, in whose coordinates box and landmarks are
     * @param photoScale photo pixels per image pixel (the decoder's downscaling undone), 1 when none
     */
    public FaceQuality measure(RgbImage image, Face face, double photoScale) {
        FaceBox box = face.box();
        Landmarks lm = face.landmarks();
        double facePixels = Math.min(box.width(), box.height()) * photoScale;
        double[] pose = pose(lm);
        return new FaceQuality(face.score(), LandmarkAgreement.boxToFace(box, lm), facePixels, sharpness(image, face),
                pose[0], pose[1], pose[2]);
    }

    /** Variance of the Laplacian of the grey chip's face region, in grey levels squared. */
    double sharpness(RgbImage image, Face face) {
        float[] rgb = new float[CHIP * CHIP * 3];
        chip.writeChip(image, new PixelRegion(0, 0, image.width(), image.height()), face.box(), face.landmarks(),
                ChipView.IDENTITY, CHIP, rgb, 0);
        float[] grey = new float[CHIP * CHIP];
        for (int i = 0; i < grey.length; i++) {
            // ITU-R BT.601 luma, as OpenCV's RGB2GRAY.
            grey[i] = 0.299f * rgb[3 * i] + 0.587f * rgb[3 * i + 1] + 0.114f * rgb[3 * i + 2];
        }
        return laplacianVariance(grey, CHIP, FACE_FROM, FACE_TO);
    }

    /** Variance of the 4-neighbour Laplacian over rows and columns [from, to) of a square grey image. */
    static double laplacianVariance(float[] grey, int side, int from, int to) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = from; y < to; y++) {
            for (int x = from; x < to; x++) {
                int i = y * side + x;
                double l = grey[i - 1] + grey[i + 1] + grey[i - side] + grey[i + side] - 4.0 * grey[i];
                sum += l;
                squares += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    /**
     * Yaw, pitch and roll in degrees. The points are first turned level by the eye line's roll; then
     * the nose tip's place across the jaw gives yaw ({@code asin} of its offset from the middle, as a
     * point on a turning cylinder), and its place between eye line and chin against a frontal face's
     * gives pitch the same way.
     */
    static double[] pose(Landmarks lm) {
        double[] right = lm.leftEyeCenter();
        double[] left = lm.rightEyeCenter();
        double roll = Math.atan2(left[1] - right[1], left[0] - right[0]);
        double cos = Math.cos(-roll);
        double sin = Math.sin(-roll);
        double[] eyes = {(right[0] + left[0]) / 2, (right[1] + left[1]) / 2};
        double[] nose = level(lm.x(NOSE_TIP), lm.y(NOSE_TIP), eyes, cos, sin);
        double[] jawRight = level(lm.x(JAW_RIGHT), lm.y(JAW_RIGHT), eyes, cos, sin);
        double[] jawLeft = level(lm.x(JAW_LEFT), lm.y(JAW_LEFT), eyes, cos, sin);
        double[] chin = level(lm.x(CHIN), lm.y(CHIN), eyes, cos, sin);
        double width = jawLeft[0] - jawRight[0];
        double across = width > 0 ? (nose[0] - jawRight[0]) / width : 0;
        double yaw = asinDegrees(2 * across - 1);
        // Levelled about the eye midpoint: the eye line is y = 0.
        double down = chin[1] > 0 ? nose[1] / chin[1] : 0;
        double pitch = asinDegrees((down - FRONTAL_NOSE_HEIGHT) / FRONTAL_NOSE_HEIGHT);
        return new double[] {yaw, pitch, Math.toDegrees(roll)};
    }

    private static double[] level(double x, double y, double[] origin, double cos, double sin) {
        double dx = x - origin[0];
        double dy = y - origin[1];
        return new double[] {cos * dx - sin * dy, sin * dx + cos * dy};
    }

    private static double asinDegrees(double v) {
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, v))));
    }
}
