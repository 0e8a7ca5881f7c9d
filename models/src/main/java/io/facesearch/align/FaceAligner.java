package io.facesearch.align;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;

/** Cuts the square face chip the recognition network sees, from a face's landmarks. */
public interface FaceAligner {

    /** Side of the chip, in pixels (the recognition network's input). */
    int CHIP_SIZE = 150;

    /**
     * Writes {@code CHIP_SIZE * CHIP_SIZE * 3} NHWC floats (RGB, 0..255) at {@code dest[offset]}.
     *
     * @param canvas the region crops may use, in image coordinates; outside the image reads as black
     * @param box the face's detection box (face-api's crop depends on it)
     * @param view the variation of the chip to cut ({@link ChipView#IDENTITY} for the plain chip)
     * @throws IllegalArgumentException if this aligner cannot produce the view
     */
    void writeChip(RgbImage image, PixelRegion canvas, FaceBox box, Landmarks landmarks, ChipView view, float[] dest,
            int offset);

    /** A short name recorded with embeddings, so that vectors from different alignments are not mixed. */
    String id();

    /** Mirrors the chip at {@code offset} in place, left to right. */
    static void mirror(float[] chip, int offset) {
        int n = CHIP_SIZE;
        for (int y = 0; y < n; y++) {
            int row = offset + y * n * 3;
            for (int x = 0; x < n / 2; x++) {
                int a = row + x * 3;
                int b = row + (n - 1 - x) * 3;
                for (int c = 0; c < 3; c++) {
                    float t = chip[a + c];
                    chip[a + c] = chip[b + c];
                    chip[b + c] = t;
                }
            }
        }
    }
}
