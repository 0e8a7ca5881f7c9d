package io.facesearch.testdata;

import io.facesearch.face.Landmarks;

/** Landmark arithmetic the tests check the pipeline with, written apart from the pipeline's own. */
public final class LandmarkGeometry {

    private LandmarkGeometry() {
    }

    /** The points turned by {@code angle} radians about (cx, cy): {@code c + R(angle)(p - c)}. */
    public static Landmarks turned(Landmarks points, double cx, double cy, double angle) {
        float[] xy = points.toArray();
        for (int p = 0; p < Landmarks.COUNT; p++) {
            double dx = xy[2 * p] - cx;
            double dy = xy[2 * p + 1] - cy;
            xy[2 * p] = (float) (cx + Math.cos(angle) * dx - Math.sin(angle) * dy);
            xy[2 * p + 1] = (float) (cy + Math.sin(angle) * dx + Math.cos(angle) * dy);
        }
        return new Landmarks(xy);
    }

    /** Mean distance between corresponding points, in pixels. */
    public static double meanDistance(Landmarks a, Landmarks b) {
        double sum = 0;
        for (int p = 0; p < Landmarks.COUNT; p++) {
            sum += Math.hypot(a.x(p) - b.x(p), a.y(p) - b.y(p));
        }
        return sum / Landmarks.COUNT;
    }
}
