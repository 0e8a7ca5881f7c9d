package io.facesearch.image;

import java.util.Arrays;

/**
 * Builds a network's input tensor from an image region: the region is zero-padded to a square, then
 * resized with TensorFlow's legacy bilinear mapping ({@code src = dst * in / out}, no half-pixel
 * offset, the mapping the face-api.js networks were run with), and written as NHWC float32 RGB
 * values in 0..255. Normalisation is part of each ONNX graph.
 */
public final class NetworkInput {

    private NetworkInput() {
    }

    /**
     * Writes {@code size * size * 3} floats at {@code dest[offset]} for the region (x, y, w, h).
     * The region is not clipped: pixels outside the image read as black, as if the image had been
     * zero-padded first. Callers clip to whatever canvas their network expects.
     */
    public static void writeSquare(RgbImage image, int x, int y, int w, int h, SquarePadding padding, int size,
            float[] dest, int offset) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("empty region " + w + "x" + h);
        }
        int square = Math.max(w, h);
        int padLeft = padding.before(w, square);
        int padTop = padding.before(h, square);
        double scale = (double) square / size;
        // Separable: each source row is interpolated across once (it serves several output rows when
        // upsampling), then output rows blend two such rows. Same arithmetic as one 2x2 blend per pixel.
        Columns columns = new Columns(image, x, w, square, padLeft, scale, size);
        float[] upper = new float[size * 3];
        float[] lower = new float[size * 3];
        int upperRow = Integer.MIN_VALUE;
        int lowerRow = Integer.MIN_VALUE;
        int out = offset;
        for (int v = 0; v < size; v++) {
            double sy = v * scale;
            int t = (int) Math.floor(sy);
            int b = Math.min(t + 1, square - 1);
            float fy = (float) (sy - t);
            int topSource = sourceRow(image, y, h, t - padTop);
            int bottomSource = sourceRow(image, y, h, b - padTop);
            if (topSource < 0 && bottomSource < 0) {
                // Padding above or below the image (the detector's border): black, nothing to blend.
                Arrays.fill(dest, out, out + size * 3, 0f);
                out += size * 3;
                continue;
            }
            if (t != upperRow) {
                if (t == lowerRow) {
                    float[] swap = upper;
                    upper = lower;
                    lower = swap;
                    lowerRow = upperRow;
                } else {
                    columns.interpolate(topSource, upper);
                }
                upperRow = t;
            }
            if (b != lowerRow) {
                columns.interpolate(bottomSource, lower);
                lowerRow = b;
            }
            for (int i = 0; i < size * 3; i++) {
                float top = upper[i];
                dest[out++] = top + (lower[i] - top) * fy;
            }
        }
    }

    /** The image row under row {@code r} of the region, or -1 when it is padding or off the image. */
    private static int sourceRow(RgbImage image, int y, int h, int r) {
        return r >= 0 && r < h && y + r >= 0 && y + r < image.height() ? y + r : -1;
    }

    /** Where each output column samples its source row: two pixel offsets (-1 for black) and a weight. */
    private static final class Columns {
        private final byte[] pixels;
        private final int stride;
        private final int[] left;
        private final int[] right;
        private final float[] weight;

        Columns(RgbImage image, int x, int w, int square, int padLeft, double scale, int size) {
            pixels = image.pixels();
            stride = image.width() * 3;
            left = new int[size];
            right = new int[size];
            weight = new float[size];
            for (int u = 0; u < size; u++) {
                double sx = u * scale;
                int l = (int) Math.floor(sx);
                left[u] = offset(image, x, w, l - padLeft);
                right[u] = offset(image, x, w, Math.min(l + 1, square - 1) - padLeft);
                weight[u] = (float) (sx - l);
            }
        }

        private static int offset(RgbImage image, int x, int w, int c) {
            return c >= 0 && c < w && x + c >= 0 && x + c < image.width() ? (x + c) * 3 : -1;
        }

        /** Row {@code row} of the image (-1: black) resampled to the output's columns, RGB interleaved. */
        void interpolate(int row, float[] into) {
            if (row < 0) {
                Arrays.fill(into, 0f);
                return;
            }
            int base = row * stride;
            int i = 0;
            for (int u = 0; u < left.length; u++) {
                int l = left[u];
                int r = right[u];
                float fx = weight[u];
                for (int c = 0; c < 3; c++) {
                    float a = l >= 0 ? pixels[base + l + c] & 0xFF : 0;
                    float b = r >= 0 ? pixels[base + r + c] & 0xFF : 0;
                    into[i++] = a + (b - a) * fx;
                }
            }
        }
    }

    /** The whole image, without resizing, as NHWC floats (for inputs already at network size). */
    public static void writeExact(RgbImage image, float[] dest, int offset) {
        byte[] px = image.pixels();
        for (int i = 0; i < px.length; i++) {
            dest[offset + i] = px[i] & 0xFF;
        }
    }
}
