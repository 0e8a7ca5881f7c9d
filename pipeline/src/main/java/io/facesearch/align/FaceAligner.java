package io.facesearch.align;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;

/**
 * Cuts the square face chip a recognition network sees, from a face's landmarks. The chip covers the
 * same part of the face at every size; the size only sets how finely it is sampled.
 */
public interface FaceAligner {

    /** Side of the chip of face-api's recognition network, in pixels; the default size. */
    int CHIP_SIZE = 150;

    /**
     * Writes {@code size * size * 3} NHWC floats (RGB, 0..255) at {@code dest[offset]}. A mirrored view
     * is the same view's chip flipped left to right.
     *
     * @param canvas the region crops may use, in image coordinates; outside the image reads as black
     * @param box the face's detection box (face-api's crop depends on it)
     * @param view the variation of the chip to cut ({@link ChipView#IDENTITY} for the plain chip)
     * @param size side of the chip in pixels (the network's input size)
     * @throws IllegalArgumentException if this aligner cannot produce the view
     */
    void writeChip(RgbImage image, PixelRegion canvas, FaceBox box, Landmarks landmarks, ChipView view, int size,
            float[] dest, int offset);

    /** {@link #writeChip(RgbImage, PixelRegion, FaceBox, Landmarks, ChipView, int, float[], int)} at {@link #CHIP_SIZE}. */
    default void writeChip(RgbImage image, PixelRegion canvas, FaceBox box, Landmarks landmarks, ChipView view,
            float[] dest, int offset) {
        writeChip(image, canvas, box, landmarks, view, CHIP_SIZE, dest, offset);
    }

    /** A short name recorded with embeddings, so that vectors from different alignments are not mixed. */
    String id();

    /** Mirrors the {@link #CHIP_SIZE} chip at {@code offset} in place, left to right. */
    static void mirror(float[] chip, int offset) {
        mirror(chip, offset, CHIP_SIZE);
    }

    /** Mirrors the {@code size x size} chip at {@code offset} in place, left to right. */
    static void mirror(float[] chip, int offset, int size) {
        for (int y = 0; y < size; y++) {
            int row = offset + y * size * 3;
            for (int x = 0; x < size / 2; x++) {
                int a = row + x * 3;
                int b = row + (size - 1 - x) * 3;
                for (int c = 0; c < 3; c++) {
                    float t = chip[a + c];
                    chip[a + c] = chip[b + c];
                    chip[b + c] = t;
                }
            }
        }
    }
}
