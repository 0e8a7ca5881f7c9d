package io.facesearch.image;

/** Where the black padding goes when a rectangle is made square before a network resize. */
public enum SquarePadding {
    /** All padding after the content (bottom or right): face-api's SSD input. */
    CORNER,
    /** Padding split around the content, the odd pixel after: face-api's face networks. */
    CENTERED;

    /** Pixels of padding placed before the content when {@code side} grows to {@code square}. */
    int before(int side, int square) {
        int diff = square - side;
        // face-api appends Math.round(diff / 2) after, and the rest before; JS rounds .5 up.
        return this == CORNER ? 0 : diff - (int) Math.floor(diff / 2.0 + 0.5);
    }
}
