package io.facesearch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
