package io.facesearch.align;

/**
 * A similarity transform from chip pixels to image pixels: {@code image = scale * R(angle) * chip + t}.
 */
public record ChipTransform(double angle, double scale, double tx, double ty) {

    /**
     * Least-squares similarity (rotation, uniform scale, translation; no reflection) from {@code from}
     * to {@code to}, both interleaved x, y: Umeyama's closed form in 2-D.
     */
    public static ChipTransform fitSimilarity(double[] from, double[] to) {
        int n = from.length / 2;
        double fx = 0;
        double fy = 0;
        double tx = 0;
        double ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from[2 * i];
            fy += from[2 * i + 1];
            tx += to[2 * i];
            ty += to[2 * i + 1];
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double px = from[2 * i] - fx;
            double py = from[2 * i + 1] - fy;
            double qx = to[2 * i] - tx;
            double qy = to[2 * i + 1] - ty;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        double a = dot / norm;
        double b = cross / norm;
        double angle = Math.atan2(b, a);
        double scale = Math.hypot(a, b);
        return new ChipTransform(angle, scale, tx - (a * fx - b * fy), ty - (b * fx + a * fy));
    }

    /** Image coordinates of chip point (x, y). */
    public double[] apply(double x, double y) {
        double c = Math.cos(angle) * scale;
        double s = Math.sin(angle) * scale;
        return new double[] {c * x - s * y + tx, s * x + c * y + ty};
    }

    /** The same scale, keeping the chip centre (75, 75) where it was, with no rotation. */
    public ChipTransform withoutRotation() {
        double half = FaceAligner.CHIP_SIZE / 2.0;
        double[] centre = apply(half, half);
        return new ChipTransform(0, scale, centre[0] - scale * half, centre[1] - scale * half);
    }

    /**
     * This transform with a view's rotation and zoom applied about the chip centre, and its shift
     * (in chip fractions) added.
     */
    public ChipTransform varied(ChipView view) {
        if (view.isRigid()) {
            return this;
        }
        double half = FaceAligner.CHIP_SIZE / 2.0;
        double[] centre = apply(half + view.shiftX() * FaceAligner.CHIP_SIZE, half + view.shiftY() * FaceAligner.CHIP_SIZE);
        double a = angle + view.rotation();
        double s = scale * view.zoom();
        double c = Math.cos(a) * s;
        double sn = Math.sin(a) * s;
        return new ChipTransform(a, s, centre[0] - (c * half - sn * half), centre[1] - (sn * half + c * half));
    }
}
