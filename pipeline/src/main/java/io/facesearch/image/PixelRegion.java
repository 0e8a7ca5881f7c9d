package io.facesearch.image;

/** An integer pixel rectangle, as networks are fed (no sub-pixel placement). */
public record PixelRegion(int x, int y, int width, int height) {

    /**
     * face-api's {@code Box.clipAtImageBorders}: x and y clipped to >= 0, width and height clipped to
     * the canvas, then each of the four values floored separately. Coordinates are relative to the
     * canvas origin.
     */
    public static PixelRegion clip(double x, double y, double width, double height, int canvasWidth,
            int canvasHeight) {
        double cx = Math.max(x, 0);
        double cy = Math.max(y, 0);
        double w = Math.min(x + width - cx, canvasWidth - cx);
        double h = Math.min(y + height - cy, canvasHeight - cy);
        return new PixelRegion((int) Math.floor(cx), (int) Math.floor(cy), (int) Math.floor(w), (int) Math.floor(h));
    }

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    public PixelRegion translate(int dx, int dy) {
        return new PixelRegion(x + dx, y + dy, width, height);
    }
}
