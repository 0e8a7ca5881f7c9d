package io.facesearch.render;

/** The colour of a match percentage: red at 0 %, yellow at 50 % (the threshold), green at 100 %. */
public final class MatchColor {
    private MatchColor() {
    }

    /** {R, G, B} in 0..255. */
    public static int[] rgb(double percent) {
        double p = Math.max(0, Math.min(100, percent));
        if (p < 50) {
            return new int[] {255, (int) Math.round(255 * p / 50), 0};
        }
        return new int[] {(int) Math.round(255 * (100 - p) / 50), 255, 0};
    }
}
