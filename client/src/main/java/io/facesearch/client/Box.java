package io.facesearch.client;

/**
 * An axis-aligned box in image pixels.
 *
 * @param x left edge, pixels from the left of the image
 * @param y top edge, pixels from the top of the image
 * @param width width in pixels
 * @param height height in pixels
 */
public record Box(float x, float y, float width, float height) {
}
