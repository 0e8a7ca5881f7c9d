package io.facesearch.detect;

import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import java.util.List;

/**
 * Finds the faces in an image: the first stage of the pipeline. Implementations are thread-safe and
 * deterministic: the same image gives the same faces.
 */
public interface FaceDetector {

    /**
     * Faces in each image of a batch, each list best score first, parallel to {@code images}; an
     * empty batch gives an empty list.
     */
    List<Result> detect(List<RgbImage> images);

    /** Faces in one image, best score first. */
    default Result detect(RgbImage image) {
        return detect(List.of(image)).get(0);
    }

    /**
     * The faces found in an image and the region the detector looked at (in image coordinates: the
     * image plus any border it added). Later stages clip their crops to the canvas so that faces near
     * the edge keep their geometry.
     */
    record Result(List<Detection> faces, PixelRegion canvas) {
        public Result {
            faces = List.copyOf(faces);
        }
    }
}
