package io.facesearch.client;

/**
 * A point in image pixels.
 *
 * @param x pixels from the left of the image
 * @param y pixels from the top of the image
 */
public record Point(float x, float y) {
}
