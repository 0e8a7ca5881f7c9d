package io.facesearch.image;

/**
 * A decoded 8-bit RGB image, row-major, 3 bytes per pixel (R, G, B). The pixel array is shared, not
 * copied: treat it as read-only.
 */
public record RgbImage(int width, int height, byte[] pixels) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        if (pixels.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "expected " + width * height * 3 + " bytes for " + width + "x" + height + ", got " + pixels.length);
        }
    }

    /** Channel {@code c} (0 = R) of pixel (x, y), 0..255. */
    public int sample(int x, int y, int c) {
        return pixels[(y * width + x) * 3 + c] & 0xFF;
    }

    /** A copy of the region, clipped to the image. */
    public RgbImage crop(int x, int y, int w, int h) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("crop outside the image");
        }
        int cw = x1 - x0;
        byte[] out = new byte[cw * (y1 - y0) * 3];
        for (int row = y0; row < y1; row++) {
            System.arraycopy(pixels, (row * width + x0) * 3, out, (row - y0) * cw * 3, cw * 3);
        }
        return new RgbImage(cw, y1 - y0, out);
    }

    /** The image mirrored left to right. */
    public RgbImage mirrored() {
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int src = (y * width + x) * 3;
                int dst = (y * width + (width - 1 - x)) * 3;
                out[dst] = pixels[src];
                out[dst + 1] = pixels[src + 1];
                out[dst + 2] = pixels[src + 2];
            }
        }
        return new RgbImage(width, height, out);
    }

    /** A new image with {@code border} black pixels on every side. */
    public RgbImage padded(int border) {
        int w = width + 2 * border;
        int h = height + 2 * border;
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * width * 3, out, ((y + border) * w + border) * 3, width * 3);
        }
        return new RgbImage(w, h, out);
    }

    /**
     * Bilinear sample at (x, y) into {@code rgb}, as dlib's {@code interpolate_bilinear}: black when any
     * of the four neighbours is off the image.
     */
    public void sampleBilinear(double x, double y, double[] rgb) {
        int left = (int) Math.floor(x);
        int top = (int) Math.floor(y);
        if (left < 0 || top < 0 || left + 1 >= width || top + 1 >= height) {
            rgb[0] = rgb[1] = rgb[2] = 0;
            return;
        }
        double fx = x - left;
        double fy = y - top;
        int tl = (top * width + left) * 3;
        int bl = tl + width * 3;
        for (int c = 0; c < 3; c++) {
            double a = pixels[tl + c] & 0xFF;
            double b = pixels[tl + 3 + c] & 0xFF;
            double d = pixels[bl + c] & 0xFF;
            double e = pixels[bl + 3 + c] & 0xFF;
            rgb[c] = (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * d + fx * e);
        }
    }

    /**
     * The region {@code (x, y, w, h)} of this image turned by {@code angle} radians about
     * {@code (cx, cy)}: pixel (X, Y) of the region shows the image at {@code c + R(angle) (X - c, Y - c)},
     * sampled with {@link #sampleBilinear} and rounded.
     */
    public RgbImage turnedRegion(int x, int y, int w, int h, double cx, double cy, double angle) {
        byte[] out = new byte[w * h * 3];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] rgb = new double[3];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double dx = x + i - cx;
                double dy = y + j - cy;
                sampleBilinear(cx + cos * dx - sin * dy, cy + sin * dx + cos * dy, rgb);
                for (int c = 0; c < 3; c++) {
                    out[(j * w + i) * 3 + c] = (byte) Math.round(rgb[c]);
                }
            }
        }
        return new RgbImage(w, h, out);
    }
}
