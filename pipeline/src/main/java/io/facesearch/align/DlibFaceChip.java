package io.facesearch.align;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;

/**
 * dlib's face chip, the alignment the recognition network was trained on: a least-squares
 * similarity transform (Umeyama) maps dlib's mean face shape, padded by 0.25, onto 33 of the
 * landmarks; the chip (150 x 150 for face-api's network, any size for others: the same face region,
 * sampled more or less finely) is sampled through it with bilinear interpolation, black outside the
 * image. Undoes head roll, which the original axis-aligned crop does not.
 *
 * <p>Facts and measurements: {@code ALIGNMENT_FACTS.md} of the shared data; dlib's
 * {@code get_face_chip_details} and {@code extract_image_chip}.
 */
public final class DlibFaceChip implements FaceAligner {
    /** dlib's recognition example pads the template by 0.25 of the face on every side. */
    static final double PADDING = 0.25;
    /** Fits rolled beyond this are almost always wrong landmarks; such faces get an upright chip. */
    static final double MAX_ROLL_RADIANS = Math.toRadians(45);

    private final double padding;

    /** dlib's chip, padded as dlib's recognition network expects ({@value #PADDING}). */
    public DlibFaceChip() {
        this(PADDING);
    }

    /**
     * A chip with more or less of the head around the face: the mean face shape spans {@code 1 / (1 +
     * 2 * padding)} of the chip side. Other networks were trained on looser or tighter crops than dlib's.
     *
     * @param padding fraction of the face added on every side, >= 0
     */
    public DlibFaceChip(double padding) {
        if (!(padding >= 0 && padding <= 2)) {
            throw new IllegalArgumentException("padding must be in 0..2, got " + padding);
        }
        this.padding = padding;
    }

    /** {@code dlib} at dlib's padding, else {@code dlib-pad<padding>}, e.g. {@code dlib-pad0.45}. */
    @Override
    public String id() {
        return padding == PADDING ? "dlib" : "dlib-pad" + padding;
    }

    public double padding() {
        return padding;
    }

    @Override
    public void writeChip(RgbImage image, PixelRegion canvas, FaceBox box, Landmarks landmarks, ChipView view,
            int size, float[] dest, int offset) {
        ChipTransform t = fit(landmarks, padding).varied(view);
        sample(image, t, size, dest, offset);
        if (view.mirrored()) {
            FaceAligner.mirror(dest, offset, size);
        }
    }

    /** The chip-to-image similarity transform for these landmarks, at dlib's padding. */
    public static ChipTransform fit(Landmarks lm) {
        return fit(lm, PADDING);
    }

    /** The transform from the {@link #CHIP_SIZE} chip of that padding to the image, for these landmarks. */
    public static ChipTransform fit(Landmarks lm, double padding) {
        int[] points = MeanFaceShape.FITTED_POINTS;
        double[] chip = new double[points.length * 2];
        double[] img = new double[points.length * 2];
        double unit = CHIP_SIZE / (1 + 2 * padding);
        for (int i = 0; i < points.length; i++) {
            int p = points[i];
            chip[2 * i] = (padding + MeanFaceShape.x(p)) * unit;
            chip[2 * i + 1] = (padding + MeanFaceShape.y(p)) * unit;
            img[2 * i] = lm.x(p);
            img[2 * i + 1] = lm.y(p);
        }
        ChipTransform t = ChipTransform.fitSimilarity(chip, img);
        if (Math.abs(t.angle()) > MAX_ROLL_RADIANS) {
            t = t.withoutRotation();
        }
        return t;
    }

    /**
     * dlib's sampling: chip pixel (u, v) of an n x n chip reads the image at
     * {@code centre + R * scale * (u * 150 / (n - 1) - 75, ...)}, where scale is that of the fit to
     * the 150 px template: the chip spans exactly [-75, 75] template pixels about the centre at any
     * n, with dlib's pitch (150/149 wider than the fit at the native size). When the face is more
     * than twice the chip's size, each chip pixel averages a grid of samples, standing in for dlib's
     * image pyramid (which starts at about that scale) so that big faces do not alias.
     */
    static void sample(RgbImage image, ChipTransform t, int n, float[] dest, int offset) {
        double half = CHIP_SIZE / 2.0;
        double[] c = t.apply(half, half);
        double pitch = (double) CHIP_SIZE / (n - 1);
        double cos = Math.cos(t.angle()) * t.scale();
        double sin = Math.sin(t.angle()) * t.scale();
        double step = t.scale() * pitch;
        int grid = step >= 2 ? (int) Math.floor(step) : 1;
        double[] rgb = new double[3];
        double[] acc = new double[3];
        int out = offset;
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                acc[0] = acc[1] = acc[2] = 0;
                for (int gy = 0; gy < grid; gy++) {
                    for (int gx = 0; gx < grid; gx++) {
                        double du = (u + (grid == 1 ? 0 : (gx + 0.5) / grid - 0.5)) * pitch - half;
                        double dv = (v + (grid == 1 ? 0 : (gy + 0.5) / grid - 0.5)) * pitch - half;
                        double x = c[0] + cos * du - sin * dv;
                        double y = c[1] + sin * du + cos * dv;
                        image.sampleBilinear(x, y, rgb);
                        acc[0] += rgb[0];
                        acc[1] += rgb[1];
                        acc[2] += rgb[2];
                    }
                }
                int samples = grid * grid;
                dest[out++] = (float) (acc[0] / samples);
                dest[out++] = (float) (acc[1] / samples);
                dest[out++] = (float) (acc[2] / samples);
            }
        }
    }
}
