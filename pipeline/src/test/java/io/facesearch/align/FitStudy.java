package io.facesearch.align;

import io.facesearch.face.Landmarks;

/** Alignment fits on other subsets of the template, for the accuracy study. */
public final class FitStudy {
    private FitStudy() {
    }

    /** Landmarks whose dlib fit is exactly {@code t} (the template placed through it; the jaw kept from {@code lm}). */
    public static Landmarks placedBy(Landmarks lm, ChipTransform t) {
        double padding = DlibFaceChip.PADDING;
        double unit = FaceAligner.CHIP_SIZE / (1 + 2 * padding);
        float[] xy = lm.toArray();
        for (int p = 17; p < Landmarks.COUNT; p++) {
            double[] q = t.apply((padding + MeanFaceShape.x(p)) * unit, (padding + MeanFaceShape.y(p)) * unit);
            xy[2 * p] = (float) q[0];
            xy[2 * p + 1] = (float) q[1];
        }
        return new Landmarks(xy);
    }

    /** Landmarks whose dlib fit is exactly the fit of {@code points} of {@code lm}: the chip as that subset aligns it. */
    public static Landmarks fittedOn(Landmarks lm, int[] points) {
        double padding = DlibFaceChip.PADDING;
        double unit = FaceAligner.CHIP_SIZE / (1 + 2 * padding);
        double[] chip = new double[points.length * 2];
        double[] img = new double[points.length * 2];
        for (int i = 0; i < points.length; i++) {
            chip[2 * i] = (padding + MeanFaceShape.x(points[i])) * unit;
            chip[2 * i + 1] = (padding + MeanFaceShape.y(points[i])) * unit;
            img[2 * i] = lm.x(points[i]);
            img[2 * i + 1] = lm.y(points[i]);
        }
        return placedBy(lm, ChipTransform.fitSimilarity(chip, img));
    }
}
