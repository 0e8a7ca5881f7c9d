package io.facesearch.align;

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
     */
    void writeChip(RgbImage image, PixelRegion canvas, Landmarks landmarks, float[] dest, int offset);

    /** A short name recorded with embeddings, so that vectors from different alignments are not mixed. */
    String id();
}
