package io.facesearch.align;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;

/**
 * Whether a face's 68 landmarks describe a face of its detection box's size. The landmark network
 * places points on any crop; on a false detection (a box over a hand, a shoulder or half the photo)
 * or on a face it cannot read, the points collapse into a small cluster, and the face they align is
 * several times smaller than the box. Such a face is no candidate for a photo's main face.
 *
 * <p>The face's size is that of its {@link DlibFaceChip} fit. Measured over the 6,076 faces of the
 * LFW pairs, a detection box spans {@value #MEAN_BOX_SIDE} chip pixels on average; boxes of real
 * faces stay well within a factor {@value #MAX_RATIO} of that, collapsed landmarks give 3.6 to 14.
 */
public final class LandmarkAgreement {
    /** The mean side of a detection box, in pixels of the 150 px dlib chip its landmarks fit. */
    static final double MEAN_BOX_SIDE = 137.1;
    /** How far the box may be from the face the landmarks fit, either way, for them to agree. */
    static final double MAX_RATIO = 2;

    private LandmarkAgreement() {
    }

    /** The box's size over the size of the face the landmarks fit: near 1 when they agree. */
    public static double boxToFace(FaceBox box, Landmarks landmarks) {
        double side = Math.sqrt(box.width() * (double) box.height());
        return side / (DlibFaceChip.fit(landmarks).scale() * MEAN_BOX_SIDE);
    }

    /** True when the landmarks fit a face within a factor {@value #MAX_RATIO} of the box's size. */
    public static boolean agrees(FaceBox box, Landmarks landmarks) {
        return within(boxToFace(box, landmarks), MAX_RATIO);
    }

    /** True when a {@link #boxToFace} ratio is strictly within {@code factor} of 1, either way. */
    public static boolean within(double boxToFace, double factor) {
        return boxToFace < factor && boxToFace > 1 / factor;
    }
}
