package io.facesearch.detect;

import io.facesearch.face.FaceBox;
import java.util.Comparator;

/**
 * Which face a photo is about, when it shows several: its main face is large and near the centre.
 * A face's prominence is its box's area less twice the squared distance from the box's centre to
 * the image's centre, so both terms scale alike and the ranking does not depend on the photo's size.
 *
 * <p>Size alone is not enough: a bystander cut by the photo's edge often gets a larger, elongated
 * box than the subject in the middle. On the LFW pairs, ranking by prominence instead of by area
 * changes the chosen face in 23 of 6,076 photos and lifts verification accuracy by 0.2 to 0.45
 * points (docs/accuracy.md).
 */
public final class FaceProminence {
    private FaceProminence() {
    }

    /** Higher for larger and more central faces of a {@code width} x {@code height} image. */
    public static double of(FaceBox box, int width, int height) {
        double dx = box.centerX() - width / 2.0;
        double dy = box.centerY() - height / 2.0;
        return box.area() - 2 * (dx * dx + dy * dy);
    }

    /** Orders boxes main face first, in a {@code width} x {@code height} image. */
    public static Comparator<FaceBox> mainFirst(int width, int height) {
        return Comparator.comparingDouble((FaceBox b) -> of(b, width, height)).reversed();
    }
}
