package io.facesearch.face;

import java.util.Arrays;

/**
 * The 68 facial landmarks of the iBUG 300-W / dlib convention, in image pixels.
 * Jaw 0-16, brows 17-26, nose 27-35, eyes 36-47 (subject's right eye first), mouth 48-67.
 */
public final class Landmarks {
    public static final int COUNT = 68;

    private final float[] xy;

    /** @param xy interleaved x0, y0, x1, y1, ... (136 values); copied. */
    public Landmarks(float[] xy) {
        if (xy.length != COUNT * 2) {
            throw new IllegalArgumentException("expected " + COUNT * 2 + " coordinates, got " + xy.length);
        }
        this.xy = xy.clone();
    }

    public float x(int point) {
        return xy[2 * point];
    }

    public float y(int point) {
        return xy[2 * point + 1];
    }

    /** Interleaved coordinates (a copy). */
    public float[] toArray() {
        return xy.clone();
    }

    /** Mean position of points {@code from..to} inclusive, as {x, y}. */
    public double[] centroid(int from, int to) {
        double sx = 0;
        double sy = 0;
        for (int i = from; i <= to; i++) {
            sx += x(i);
            sy += y(i);
        }
        int n = to - from + 1;
        return new double[] {sx / n, sy / n};
    }

    public double[] leftEyeCenter() {
        return centroid(36, 41);
    }

    public double[] rightEyeCenter() {
        return centroid(42, 47);
    }

    public double[] mouthCenter() {
        return centroid(48, 67);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landmarks other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "Landmarks[68 points]";
    }
}
