package io.facesearch.landmarks;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.NetworkInput;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.image.SquarePadding;
import io.facesearch.model.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the 68 landmarks of each detected face with face-api's landmark network. The crop is the
 * detection box itself, clipped to the canvas and floored, zero-padded to a centred square and
 * resized to 112 px. Thread-safe; all faces of an image run as one batch.
 */
public final class LandmarkDetector {
    /** The network's input side, in pixels. */
    public static final int INPUT_SIZE = 112;

    private final Network network;

    public LandmarkDetector(Network network) {
        this.network = network;
    }

    /**
     * @param canvas the region crops are clipped to, in image coordinates (the image itself, or the
     *     image with the detector's border)
     */
    public List<Landmarks> locate(RgbImage image, PixelRegion canvas, List<FaceBox> boxes) {
        if (boxes.isEmpty()) {
            return List.of();
        }
        int plane = INPUT_SIZE * INPUT_SIZE * 3;
        float[] input = new float[plane * boxes.size()];
        List<PixelRegion> crops = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            PixelRegion crop = cropOf(boxes.get(i), canvas);
            crops.add(crop);
            NetworkInput.writeSquare(image, crop.x(), crop.y(), crop.width(), crop.height(), SquarePadding.CENTERED,
                    INPUT_SIZE, input, i * plane);
        }
        float[] out = network.run(input, boxes.size()).get("landmarks");
        List<Landmarks> result = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            result.add(toImage(out, i * Landmarks.COUNT * 2, crops.get(i), boxes.get(i)));
        }
        return result;
    }

    /** The detection box clipped to the canvas and floored (face-api's clipAtImageBorders). */
    public static PixelRegion cropOf(FaceBox box, PixelRegion canvas) {
        return PixelRegion.clip(box.x() - canvas.x(), box.y() - canvas.y(), box.width(), box.height(),
                canvas.width(), canvas.height()).translate(canvas.x(), canvas.y());
    }

    /**
     * face-api's postProcess: undo the centred padding of the 112 px square, scale to the crop, and
     * shift by the detection box's unfloored corner (so points sit up to 1 px off the crop's grid,
     * as in the original).
     */
    private static Landmarks toImage(float[] out, int offset, PixelRegion crop, FaceBox box) {
        double w = crop.width();
        double h = crop.height();
        double s = INPUT_SIZE / Math.max(w, h);
        double sw = w * s;
        double sh = h * s;
        double padX = sw < sh ? (sh - sw) / 2 : 0;
        double padY = sh < sw ? (sw - sh) / 2 : 0;
        float[] xy = new float[Landmarks.COUNT * 2];
        for (int p = 0; p < Landmarks.COUNT; p++) {
            double rx = (out[offset + 2 * p] * INPUT_SIZE - padX) / sw;
            double ry = (out[offset + 2 * p + 1] * INPUT_SIZE - padY) / sh;
            xy[2 * p] = (float) (rx * w + box.x());
            xy[2 * p + 1] = (float) (ry * h + box.y());
        }
        return new Landmarks(xy);
    }
}
