package io.facesearch.face;

/** An axis-aligned face box in image pixels; (x, y) is the top-left corner. */
public record FaceBox(float x, float y, float width, float height) {

    public float area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    public float centerX() {
        return x + width / 2;
    }

    public float centerY() {
        return y + height / 2;
    }

    /** Intersection over union with another box; 0 when they do not overlap. */
    public float iou(FaceBox other) {
        float left = Math.max(x, other.x);
        float top = Math.max(y, other.y);
        float right = Math.min(x + width, other.x + other.width);
        float bottom = Math.min(y + height, other.y + other.height);
        float intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        float union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
