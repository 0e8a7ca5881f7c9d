package io.facesearch.landmarks;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import java.util.List;

/**
 * Places the 68 landmarks (iBUG order) of each detected face: the stage between detection and
 * alignment. Implementations are thread-safe and deterministic; all faces of an image may run as one
 * batch.
 */
public interface LandmarkLocator {

    /**
     * The landmarks of each face, in image coordinates, parallel to {@code boxes}; no boxes give an
     * empty list.
     *
     * @param canvas the region crops are clipped to, in image coordinates (the image itself, or the
     *     image with the detector's border)
     * @param boxes the detection box of each face
     */
    List<Landmarks> locate(RgbImage image, PixelRegion canvas, List<FaceBox> boxes);

    /**
     * Reads each face again with the image turned about its box's centre by {@code rolls[i]} radians
     * (the face's roll from a first reading), so that the locator sees it with level eyes, and turns
     * the points back into the image. The pipeline's levelled landmark reading uses it.
     *
     * @param rolls one angle per box, in radians
     * @throws IllegalArgumentException if there is not one roll per box
     */
    List<Landmarks> locateTurned(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, double[] rolls);
}
