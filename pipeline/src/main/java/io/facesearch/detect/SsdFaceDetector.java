package io.facesearch.detect;

import io.facesearch.face.FaceBox;
import io.facesearch.image.ContrastEqualizer;
import io.facesearch.image.NetworkInput;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.image.SquarePadding;
import io.facesearch.network.Network;
import io.facesearch.network.NetworkOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds faces with the SSD MobileNet v1 network: the image (on its padded canvas) is made square
 * with black at the bottom or right, resized to 512 x 512, scored on 5,118 anchors, and reduced by
 * non-max suppression. Thread-safe.
 *
 * <p>{@link DetectorSettings} sets the borders tried, the score cascade and the retries (mirrored,
 * contrast equalised) of an image where nothing was found.
 */
public final class SsdFaceDetector implements FaceDetector {
    /** The network's input side, in pixels. */
    public static final int INPUT_SIZE = 512;
    /** Anchors of the six SSD feature maps: 3,072 + 1,536 + 384 + 96 + 24 + 6. */
    public static final int ANCHORS = 5118;

    private final Network network;
    private final DetectorSettings settings;

    public SsdFaceDetector(Network network, DetectorSettings settings) {
        this.network = network;
        this.settings = settings;
    }

    public DetectorSettings settings() {
        return settings;
    }

    /** The image with a border of {@code ratio} of its longer side on every side. */
    static PixelRegion canvas(RgbImage image, double ratio) {
        int border = (int) Math.round(ratio * Math.max(image.width(), image.height()));
        return new PixelRegion(-border, -border, image.width() + 2 * border, image.height() + 2 * border);
    }

    /**
     * Faces in each image of a batch, best score first. The batch runs once with the first border;
     * an image where it found nothing is retried alone: with each further border, then mirrored (the
     * network is not quite symmetric), then with its contrast equalised (dark photos). Only images
     * without a face pay for retries.
     */
    @Override
    public List<Result> detect(List<RgbImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        double[] paddings = settings.paddingRatios();
        List<Result> results = runBatch(images, paddings[0]);
        for (int i = 0; i < images.size(); i++) {
            RgbImage image = images.get(i);
            for (int p = 1; p < paddings.length && results.get(i).faces().isEmpty(); p++) {
                results.set(i, runBatch(List.of(image), paddings[p]).get(0));
            }
            if (results.get(i).faces().isEmpty() && settings.retryTransformed()) {
                Result mirrored = runBatch(List.of(image.mirrored()), paddings[0]).get(0);
                List<Detection> unmirrored = mirrored.faces().stream().map(d -> new Detection(new FaceBox(
                        image.width() - d.box().x() - d.box().width(), d.box().y(), d.box().width(),
                        d.box().height()), d.score())).toList();
                results.set(i, new Result(unmirrored, mirrored.canvas()));
            }
            if (results.get(i).faces().isEmpty() && settings.retryTransformed()) {
                results.set(i, runBatch(List.of(ContrastEqualizer.equalize(image)), paddings[0]).get(0));
            }
        }
        return results;
    }

    private List<Result> runBatch(List<RgbImage> images, double padding) {
        int plane = INPUT_SIZE * INPUT_SIZE * 3;
        float[] input = new float[plane * images.size()];
        List<PixelRegion> canvases = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            PixelRegion canvas = canvas(images.get(i), padding);
            canvases.add(canvas);
            NetworkInput.writeSquare(images.get(i), canvas.x(), canvas.y(), canvas.width(), canvas.height(),
                    SquarePadding.CORNER, INPUT_SIZE, input, i * plane);
        }
        NetworkOutputs out = network.run(input, images.size());
        float[] boxes = out.get("boxes");
        float[] scores = out.get("scores");
        List<Result> all = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            all.add(new Result(select(boxes, scores, i * ANCHORS, canvases.get(i), images.get(i)), canvases.get(i)));
        }
        return new ArrayList<>(all);
    }

    /**
     * The faces of the first cascade level that finds any; with {@link DetectorSettings#seekWholeFace()},
     * of the first level that finds one not cut by the photo's edge, if any level does. A lower level
     * keeps everything a higher one found.
     */
    private List<Detection> select(float[] boxes, float[] scores, int offset, PixelRegion canvas, RgbImage image) {
        List<Detection> first = List.of();
        for (float minScore : settings.scoreCascade()) {
            int[] kept = NonMaxSuppression.select(boxes, scores, offset, ANCHORS, minScore, settings.maxIou(),
                    settings.maxResults());
            if (kept.length == 0) {
                continue;
            }
            List<Detection> faces = new ArrayList<>(kept.length);
            for (int a : kept) {
                faces.add(new Detection(toImage(boxes, (offset + a) * 4, canvas), scores[offset + a]));
            }
            if (first.isEmpty()) {
                first = faces;
            }
            if (!settings.seekWholeFace() || faces.stream().anyMatch(d -> isWhole(d.box(), image))) {
                return faces;
            }
        }
        return first;
    }

    /** Inside the photo, give or take 2 % of the box: a face the photo's edge cuts is only part of one. */
    static boolean isWhole(FaceBox box, RgbImage image) {
        double mx = 0.02 * box.width();
        double my = 0.02 * box.height();
        return box.x() >= -mx && box.y() >= -my && box.x() + box.width() <= image.width() + mx
                && box.y() + box.height() <= image.height() + my;
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
