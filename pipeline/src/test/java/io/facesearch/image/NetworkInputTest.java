package io.facesearch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkInputTest {

    @Test
    void sameSizeSquareIsCopiedExactly() {
        byte[] px = new byte[4 * 4 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 5);
        }
        float[] out = new float[px.length];
        NetworkInput.writeSquare(new RgbImage(4, 4, px), 0, 0, 4, 4, SquarePadding.CENTERED, 4, out, 0);
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i] & 0xFF, out[i], 0f);
        }
    }

    @Test
    void legacyBilinearUsesAsymmetricMapping() {
        // 2x2 image upsampled to 4x4: dst 1 maps to src 0.5, dst 3 maps to src 1.5, clamped to 1.
        byte[] px = {0, 0, 0, (byte) 100, (byte) 100, (byte) 100, 0, 0, 0, (byte) 100, (byte) 100, (byte) 100};
        float[] out = new float[4 * 4 * 3];
        NetworkInput.writeSquare(new RgbImage(2, 2, px), 0, 0, 2, 2, SquarePadding.CORNER, 4, out, 0);
        assertEquals(0f, out[0], 1e-6);
        assertEquals(50f, out[3], 1e-6);
        assertEquals(100f, out[6], 1e-6);
        assertEquals(100f, out[9], 1e-6);
    }

    @Test
    void centeredPaddingPutsTheOddPixelAfter() {
        // A 3-wide, 6-tall white strip padded to 6x6: round(3/2) = 2 columns after, 1 before.
        byte[] px = new byte[3 * 6 * 3];
        java.util.Arrays.fill(px, (byte) 255);
        float[] out = new float[6 * 6 * 3];
        NetworkInput.writeSquare(new RgbImage(3, 6, px), 0, 0, 3, 6, SquarePadding.CENTERED, 6, out, 0);
        float[] firstRow = new float[6];
        for (int x = 0; x < 6; x++) {
            firstRow[x] = out[x * 3];
        }
        assertEquals(0f, firstRow[0]);
        assertEquals(255f, firstRow[1]);
        assertEquals(255f, firstRow[3]);
        assertEquals(0f, firstRow[4]);
        assertEquals(0f, firstRow[5]);
    }

    @Test
    void cornerPaddingPutsEverythingAfter() {
        byte[] px = new byte[2 * 4 * 3];
        java.util.Arrays.fill(px, (byte) 255);
        float[] out = new float[4 * 4 * 3];
        NetworkInput.writeSquare(new RgbImage(2, 4, px), 0, 0, 2, 4, SquarePadding.CORNER, 4, out, 0);
        assertEquals(255f, out[0]);
        assertEquals(255f, out[3]);
        assertEquals(0f, out[6]);
        assertEquals(0f, out[9]);
    }

    @Test
    void matchesOneBilinearBlendPerPixelBitForBit() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int width = 1 + random.nextInt(40);
            int height = 1 + random.nextInt(40);
            byte[] px = new byte[width * height * 3];
            random.nextBytes(px);
            RgbImage image = new RgbImage(width, height, px);
            // Regions partly or wholly off the image, up- and downsampled.
            int x = random.nextInt(width + 10) - 10;
            int y = random.nextInt(height + 10) - 10;
            int w = 1 + random.nextInt(50);
            int h = 1 + random.nextInt(50);
            int size = 1 + random.nextInt(70);
            SquarePadding padding = random.nextBoolean() ? SquarePadding.CENTERED : SquarePadding.CORNER;
            float[] fast = new float[size * size * 3 + 5];
            float[] slow = new float[fast.length];
            NetworkInput.writeSquare(image, x, y, w, h, padding, size, fast, 5);
            blendPerPixel(image, x, y, w, h, padding, size, slow, 5);
            for (int i = 0; i < fast.length; i++) {
                assertEquals(Float.floatToIntBits(slow[i]), Float.floatToIntBits(fast[i]),
                        "trial " + trial + ", value " + i);
            }
        }
    }

    /** The definition: each output pixel blends its four source neighbours, black outside the region or image. */
    private static void blendPerPixel(RgbImage image, int x, int y, int w, int h, SquarePadding padding, int size,
            float[] dest, int offset) {
        int square = Math.max(w, h);
        int padLeft = padding.before(w, square);
        int padTop = padding.before(h, square);
        double scale = (double) square / size;
        int out = offset;
        for (int v = 0; v < size; v++) {
            double sy = v * scale;
            int t = (int) Math.floor(sy);
            int b = Math.min(t + 1, square - 1);
            float fy = (float) (sy - t);
            for (int u = 0; u < size; u++) {
                double sx = u * scale;
                int l = (int) Math.floor(sx);
                int r = Math.min(l + 1, square - 1);
                float fx = (float) (sx - l);
                for (int c = 0; c < 3; c++) {
                    float tl = pixel(image, x, y, w, h, l - padLeft, t - padTop, c);
                    float tr = pixel(image, x, y, w, h, r - padLeft, t - padTop, c);
                    float bl = pixel(image, x, y, w, h, l - padLeft, b - padTop, c);
                    float br = pixel(image, x, y, w, h, r - padLeft, b - padTop, c);
                    float top = tl + (tr - tl) * fx;
                    float bottom = bl + (br - bl) * fx;
                    dest[out++] = top + (bottom - top) * fy;
                }
            }
        }
    }

    private static float pixel(RgbImage image, int x, int y, int w, int h, int col, int row, int channel) {
        boolean inside = col >= 0 && col < w && row >= 0 && row < h
                && x + col >= 0 && x + col < image.width() && y + row >= 0 && y + row < image.height();
        return inside ? image.pixels()[((y + row) * image.width() + x + col) * 3 + channel] & 0xFF : 0;
    }
}
