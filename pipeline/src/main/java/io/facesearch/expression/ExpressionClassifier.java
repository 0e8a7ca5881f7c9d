package io.facesearch.expression;

import io.facesearch.face.Expressions;
import io.facesearch.face.Landmarks;
import io.facesearch.image.NetworkInput;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.image.SquarePadding;
import io.facesearch.network.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * Expression probabilities with face-api's expression network. The crop is face-api's
 * {@code alignedRect}: the landmarks' bounding box grown by 20 %, clipped and floored. Thread-safe.
 */
public final class ExpressionClassifier {
    /** The network's input side, in pixels. */
    public static final int INPUT_SIZE = 112;

    private final Network network;

    public ExpressionClassifier(Network network) {
        this.network = network;
    }

    public List<Expressions> classify(RgbImage image, PixelRegion canvas, List<Landmarks> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        int plane = INPUT_SIZE * INPUT_SIZE * 3;
        float[] input = new float[plane * faces.size()];
        for (int i = 0; i < faces.size(); i++) {
            PixelRegion crop = cropOf(faces.get(i), canvas);
            NetworkInput.writeSquare(image, crop.x(), crop.y(), crop.width(), crop.height(), SquarePadding.CENTERED,
                    INPUT_SIZE, input, i * plane);
        }
        float[] out = network.run(input, faces.size()).get("probabilities");
        List<Expressions> result = new ArrayList<>(faces.size());
        int n = io.facesearch.face.Expression.values().length;
        for (int i = 0; i < faces.size(); i++) {
            result.add(new Expressions(java.util.Arrays.copyOfRange(out, i * n, (i + 1) * n)));
        }
        return result;
    }

    /** The landmarks' bounding box, 10 % wider and taller on each side, clipped to the canvas. */
    public static PixelRegion cropOf(Landmarks lm, PixelRegion canvas) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int p = 0; p < Landmarks.COUNT; p++) {
            minX = Math.min(minX, lm.x(p));
            maxX = Math.max(maxX, lm.x(p));
            minY = Math.min(minY, lm.y(p));
            maxY = Math.max(maxY, lm.y(p));
        }
        double w = maxX - minX;
        double h = maxY - minY;
        double x = minX - 0.1 * w;
        double y = minY - 0.1 * h;
        return PixelRegion.clip(x - canvas.x(), y - canvas.y(), w * 1.2, h * 1.2, canvas.width(), canvas.height())
                .translate(canvas.x(), canvas.y());
    }
}
