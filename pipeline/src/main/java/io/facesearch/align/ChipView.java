package io.facesearch.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One view of a face chip: a small change of the alignment transform (rotation, zoom, shift) and an
 * optional mirror. Averaging the descriptors of several views of the same face is dlib's "jitter"
 * trick; the identity and its mirror are the cheap, deterministic pair used by default.
 *
 * @param rotation radians added to the fitted roll
 * @param zoom factor on the chip's scale (below 1 shows the face larger)
 * @param shiftX chip-width fractions the face is moved by
 * @param shiftY chip-height fractions the face is moved by
 * @param mirrored flip the chip left to right
 */
public record ChipView(double rotation, double zoom, double shiftX, double shiftY, boolean mirrored) {
    public static final ChipView IDENTITY = new ChipView(0, 1, 0, 0, false);
    public static final ChipView MIRROR = new ChipView(0, 1, 0, 0, true);

    /** True when only a mirror is asked for: an aligner without a transform can still honour it. */
    public boolean isRigid() {
        return rotation == 0 && zoom == 1 && shiftX == 0 && shiftY == 0;
    }

    /**
     * The identity, its mirror, and {@code extra} random views drawn the way dlib's
     * {@code jitter_image} does (rotation within 3 degrees, face height 97 to 100 % of the chip's,
     * shift within 2 %, a mirror half the time). The seed is fixed so descriptors are reproducible.
     */
    public static List<ChipView> jittered(int extra) {
        List<ChipView> views = new ArrayList<>(List.of(IDENTITY, MIRROR));
        Random random = new Random(0x5EED_FACEL);
        for (int i = 0; i < extra; i++) {
            double rotation = Math.toRadians((random.nextDouble() * 2 - 1) * 3);
            double zoom = 1 / (0.97 + random.nextDouble() * 0.03);
            double dx = (random.nextDouble() * 2 - 1) * 0.02;
            double dy = (random.nextDouble() * 2 - 1) * 0.02;
            views.add(new ChipView(rotation, zoom, dx, dy, random.nextBoolean()));
        }
        return List.copyOf(views);
    }

    /** A suffix naming a list of views: empty for the plain chip, {@code +mirror}, or {@code +viewsN}. */
    public static String describe(List<ChipView> views) {
        if (views.equals(List.of(IDENTITY))) {
            return "";
        }
        if (views.equals(List.of(IDENTITY, MIRROR))) {
            return "+mirror";
        }
        return "+views" + views.size();
    }
}
