package io.facesearch.detect;

import io.facesearch.face.FaceBox;
import io.facesearch.image.NetworkInput;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.image.SquarePadding;
import io.facesearch.model.Network;
import io.facesearch.model.NetworkOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds faces with the SSD MobileNet v1 network: the image (on its padded canvas) is made square
 * with black at the bottom or right, resized to 512 x 512, scored on 5,118 anchors, and reduced by
 * non-max suppression. Thread-safe.
 */
public final class FaceDetector {
    /** The network's input side, in pixels. */
    public static final int INPUT_SIZE = 512;
    /** Anchors of the six SSD feature maps: 3,072 + 1,536 + 384 + 96 + 24 + 6. */
    public static final int ANCHORS = 5118;

    private final Network network;
    private final DetectorSettings settings;

    public FaceDetector(Network network, DetectorSettings settings) {
        this.network = network;
        this.settings = settings;
    }

    public DetectorSettings settings() {
        return settings;
    }

    /**
     * The region the detector looks at, in image coordinates: the image plus its black border.
     * Later stages clip their crops to it so that faces near the edge keep their geometry.
     */
    public PixelRegion canvas(RgbImage image) {
        int border = (int) Math.round(settings.paddingRatio() * Math.max(image.width(), image.height()));
        return new PixelRegion(-border, -border, image.width() + 2 * border, image.height() + 2 * border);
    }

    /** Faces in one image, best score first. */
    public List<Detection> detect(RgbImage image) {
        return detect(List.of(image)).get(0);
    }

    /** Faces in each image of a batch, best score first. */
    public List<List<Detection>> detect(List<RgbImage> images) {
        int plane = INPUT_SIZE * INPUT_SIZE * 3;
        float[] input = new float[plane * images.size()];
        List<PixelRegion> canvases = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            PixelRegion canvas = canvas(images.get(i));
            canvases.add(canvas);
            NetworkInput.writeSquare(images.get(i), canvas.x(), canvas.y(), canvas.width(), canvas.height(),
                    SquarePadding.CORNER, INPUT_SIZE, input, i * plane);
        }
        NetworkOutputs out = network.run(input, images.size());
        float[] boxes = out.get("boxes");
        float[] scores = out.get("scores");
        List<List<Detection>> all = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            all.add(select(boxes, scores, i * ANCHORS, canvases.get(i)));
        }
        return all;
    }

    private List<Detection> select(float[] boxes, float[] scores, int offset, PixelRegion canvas) {
        int[] kept = new int[0];
        for (float minScore : settings.scoreCascade()) {
            kept = NonMaxSuppression.select(boxes, scores, offset, ANCHORS, minScore, settings.maxIou(),
                    settings.maxResults());
            if (kept.length > 0) {
                break;
            }
        }
        List<Detection> faces = new ArrayList<>(kept.length);
        for (int a : kept) {
            faces.add(new Detection(toImage(boxes, (offset + a) * 4, canvas), scores[offset + a]));
        }
        return faces;
    }

    /**
     * face-api's mapping back to pixels: clip to [0, 1] of the square, then scale by
     * {@code 512 / round(side * 512 / longSide)} (the rounded resize face-api computed), then by the
     * canvas size.
     */
    private static FaceBox toImage(float[] b, int i, PixelRegion canvas) {
        int cw = canvas.width();
        int ch = canvas.height();
        double longSide = Math.max(cw, ch);
        double padX = INPUT_SIZE / (double) Math.round(cw * INPUT_SIZE / longSide);
        double padY = INPUT_SIZE / (double) Math.round(ch * INPUT_SIZE / longSide);
        double top = Math.max(0, b[i]) * padY * ch;
        double left = Math.max(0, b[i + 1]) * padX * cw;
        double bottom = Math.min(1, b[i + 2]) * padY * ch;
        double right = Math.min(1, b[i + 3]) * padX * cw;
        return new FaceBox((float) (left + canvas.x()), (float) (top + canvas.y()),
                (float) (right - left), (float) (bottom - top));
    }
}
