package io.facesearch.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.face.Landmarks;
import org.junit.jupiter.api.Test;

/** dlib's aligned chip: the contract, and where the chip puts the face. */
class DlibFaceChipTest extends FaceAlignerContract {

    @Override
    protected FaceAligner aligner() {
        return new DlibFaceChip();
    }

    /** Landmarks placed exactly where the template puts them, after a known similarity transform. */
    private static Landmarks templateFace(double angle, double scale, double tx, double ty) {
        ChipTransform t = new ChipTransform(angle, scale, tx, ty);
        float[] xy = new float[Landmarks.COUNT * 2];
        double unit = FaceAligner.CHIP_SIZE / (1 + 2 * DlibFaceChip.PADDING);
        for (int p = MeanFaceShape.FIRST; p < Landmarks.COUNT; p++) {
            double[] img = t.apply((DlibFaceChip.PADDING + MeanFaceShape.x(p)) * unit,
                    (DlibFaceChip.PADDING + MeanFaceShape.y(p)) * unit);
            xy[2 * p] = (float) img[0];
            xy[2 * p + 1] = (float) img[1];
        }
        return new Landmarks(xy);
    }

    @Test
    void fitRecoversTheTransformThatPlacedTheLandmarks() {
        ChipTransform fitted = DlibFaceChip.fit(templateFace(Math.toRadians(20), 0.8, 40, 55));
        assertEquals(Math.toRadians(20), fitted.angle(), 1e-5);
        assertEquals(0.8, fitted.scale(), 1e-5);
        assertEquals(40, fitted.tx(), 1e-3);
        assertEquals(55, fitted.ty(), 1e-3);
    }

    @Test
    void eyeCentresLandWhereDlibPutsThem() {
        // ALIGNMENT_FACTS: eye centres at (47.55, 46.60) and (100.48, 46.60) of the 150 px chip.
        Landmarks lm = templateFace(Math.toRadians(-15), 1.3, 10, 80);
        ChipTransform t = DlibFaceChip.fit(lm);
        double[] left = lm.leftEyeCenter();
        double[] expected = t.apply(47.55, 46.60);
        assertEquals(expected[0], left[0], 0.05);
        assertEquals(expected[1], left[1], 0.05);
    }

    @Test
    void paddingZoomsTheChipAboutItsCentre() {
        // A padding p shows (1 + 2p) face widths instead of 1.5: the default chip zoomed about its centre.
        Landmarks lm = templateFace(Math.toRadians(12), 1.1, 30, 20);
        ChipTransform padded = DlibFaceChip.fit(lm, 0.45);
        ChipTransform zoomed = DlibFaceChip.fit(lm).varied(new ChipView(0, 1.9 / 1.5, 0, 0, false));
        assertEquals(zoomed.angle(), padded.angle(), 1e-9);
        assertEquals(zoomed.scale(), padded.scale(), 1e-6);
        assertEquals(zoomed.tx(), padded.tx(), 1e-4);
        assertEquals(zoomed.ty(), padded.ty(), 1e-4);
        assertEquals("dlib", new DlibFaceChip().id());
        assertEquals("dlib-pad0.45", new DlibFaceChip(0.45).id());
    }

    @Test
    void aChipOfAnotherSizeSamplesTheSameRegion() {
        // A horizontal ramp: the chip's first and last columns read the same image x at 150 and 224 px.
        int side = 400;
        byte[] px = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * side + x) * 3 + c] = (byte) (x * 255 / side);
                }
            }
        }
        io.facesearch.image.RgbImage image = new io.facesearch.image.RgbImage(side, side, px);
        Landmarks lm = templateFace(0, 1.0, 120, 120);
        io.facesearch.image.PixelRegion canvas = new io.facesearch.image.PixelRegion(0, 0, side, side);
        float[] small = new float[150 * 150 * 3];
        float[] large = new float[224 * 224 * 3];
        new DlibFaceChip().writeChip(image, canvas, null, lm, ChipView.IDENTITY, 150, small, 0);
        new DlibFaceChip().writeChip(image, canvas, null, lm, ChipView.IDENTITY, 224, large, 0);
        int midSmall = 75 * 150 * 3;
        int midLarge = 112 * 224 * 3;
        assertEquals(small[midSmall], large[midLarge], 1.0);
        assertEquals(small[midSmall + 149 * 3], large[midLarge + 223 * 3], 1.0);
    }

    @Test
    void implausibleRollFallsBackToAnUprightChip() {
        ChipTransform t = DlibFaceChip.fit(templateFace(Math.toRadians(90), 1.0, 200, 0));
        assertEquals(0, t.angle(), 1e-12);
        assertEquals(1.0, t.scale(), 1e-6);
    }

    @Test
    void rotatedChipOfARotatedImageMatchesTheUprightChip() {
        // A smooth synthetic image rotated by 30 degrees about a point gives the same chip as the upright one.
        int size = 300;
        byte[] up = new byte[size * size * 3];
        byte[] rot = new byte[size * size * 3];
        double a = Math.toRadians(30);
        double c0 = 150;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                up[(y * size + x) * 3] = (byte) pattern(x, y);
                // rot(x, y) = up(R^-1 (p - c) + c)
                double dx = x - c0;
                double dy = y - c0;
                double ux = Math.cos(a) * dx + Math.sin(a) * dy + c0;
                double uy = -Math.sin(a) * dx + Math.cos(a) * dy + c0;
                rot[(y * size + x) * 3] = (byte) pattern(ux, uy);
            }
        }
        Landmarks upright = templateFace(0, 1.0, 75, 75);
        float[] xy = upright.toArray();
        for (int p = 0; p < Landmarks.COUNT; p++) {
            double dx = xy[2 * p] - c0;
            double dy = xy[2 * p + 1] - c0;
            xy[2 * p] = (float) (Math.cos(a) * dx - Math.sin(a) * dy + c0);
            xy[2 * p + 1] = (float) (Math.sin(a) * dx + Math.cos(a) * dy + c0);
        }
        int plane = FaceAligner.CHIP_SIZE * FaceAligner.CHIP_SIZE * 3;
        float[] a1 = new float[plane];
        float[] a2 = new float[plane];
        var canvas = new io.facesearch.image.PixelRegion(0, 0, size, size);
        new DlibFaceChip().writeChip(new io.facesearch.image.RgbImage(size, size, up), canvas, null, upright, ChipView.IDENTITY, a1, 0);
        new DlibFaceChip().writeChip(new io.facesearch.image.RgbImage(size, size, rot), canvas, null, new Landmarks(xy), ChipView.IDENTITY, a2, 0);
        double worst = 0;
        for (int i = 0; i < plane; i += 3) {
            worst = Math.max(worst, Math.abs(a1[i] - a2[i]));
        }
        assertTrue(worst < 6, "chips differ by up to " + worst + " levels");
    }

    @Test
    void mirroredViewIsThePlainChipFlipped() {
        // The embedder flips the plain chip instead of cutting the mirrored view again; they must agree.
        int size = 300;
        byte[] px = new byte[size * size * 3];
        new java.util.Random(3).nextBytes(px);
        var image = new io.facesearch.image.RgbImage(size, size, px);
        var canvas = new io.facesearch.image.PixelRegion(0, 0, size, size);
        Landmarks face = templateFace(Math.toRadians(12), 1.1, 60, 70);
        int plane = FaceAligner.CHIP_SIZE * FaceAligner.CHIP_SIZE * 3;
        float[] flipped = new float[plane];
        float[] mirrored = new float[plane];
        new DlibFaceChip().writeChip(image, canvas, null, face, ChipView.IDENTITY, flipped, 0);
        FaceAligner.mirror(flipped, 0);
        new DlibFaceChip().writeChip(image, canvas, null, face, ChipView.MIRROR, mirrored, 0);
        assertTrue(java.util.Arrays.equals(flipped, mirrored), "the mirrored view differs from the flipped chip");
    }

    private static int pattern(double x, double y) {
        return (int) (127 + 100 * Math.sin(x / 9.0) * Math.cos(y / 13.0));
    }
}
