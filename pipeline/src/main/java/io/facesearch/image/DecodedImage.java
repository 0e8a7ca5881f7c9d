package io.facesearch.image;

/**
 * A decoded image and the size of the original: {@code pixels} may be smaller than
 * {@code width x height} when a very large image was decoded at reduced scale.
 */
public record DecodedImage(int width, int height, RgbImage pixels) {

    /** Original pixels per decoded pixel (1 unless the decoder reduced the image). */
    public double scale() {
        return (double) width / pixels.width();
    }
}
