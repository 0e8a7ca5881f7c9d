package io.facesearch.image;

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
        int x0 = x;
        int y0 = y;
        int cw = w;
        int ch = h;
        int square = Math.max(cw, ch);
        int padLeft = padding.before(cw, square);
        int padTop = padding.before(ch, square);
        double scale = (double) square / size;
        byte[] px = image.pixels();
        int stride = image.width() * 3;
        int[] col0 = new int[size];
        int[] col1 = new int[size];
        float[] colFrac = new float[size];
        for (int u = 0; u < size; u++) {
            double sx = u * scale;
            int l = (int) Math.floor(sx);
            col0[u] = l;
            col1[u] = Math.min(l + 1, square - 1);
            colFrac[u] = (float) (sx - l);
        }
        int out = offset;
        for (int v = 0; v < size; v++) {
            double sy = v * scale;
            int t = (int) Math.floor(sy);
            int b = Math.min(t + 1, square - 1);
            float fy = (float) (sy - t);
            int rowT = t - padTop;
            int rowB = b - padTop;
            boolean inT = rowT >= 0 && rowT < ch && y0 + rowT >= 0 && y0 + rowT < image.height();
            boolean inB = rowB >= 0 && rowB < ch && y0 + rowB >= 0 && y0 + rowB < image.height();
            int baseT = (y0 + rowT) * stride;
            int baseB = (y0 + rowB) * stride;
            for (int u = 0; u < size; u++) {
                int cl = col0[u] - padLeft;
                int cr = col1[u] - padLeft;
                boolean inL = cl >= 0 && cl < cw && x0 + cl >= 0 && x0 + cl < image.width();
                boolean inR = cr >= 0 && cr < cw && x0 + cr >= 0 && x0 + cr < image.width();
                int offL = (x0 + cl) * 3;
                int offR = (x0 + cr) * 3;
                float fx = colFrac[u];
                for (int c = 0; c < 3; c++) {
                    float tl = inT && inL ? px[baseT + offL + c] & 0xFF : 0;
                    float tr = inT && inR ? px[baseT + offR + c] & 0xFF : 0;
                    float bl = inB && inL ? px[baseB + offL + c] & 0xFF : 0;
                    float br = inB && inR ? px[baseB + offR + c] & 0xFF : 0;
                    float top = tl + (tr - tl) * fx;
                    float bottom = bl + (br - bl) * fx;
                    dest[out++] = top + (bottom - top) * fy;
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
