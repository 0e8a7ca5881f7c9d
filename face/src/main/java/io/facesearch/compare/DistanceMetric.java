package io.facesearch.compare;

import io.facesearch.face.Embedding;
import java.util.Locale;

/**
 * How two descriptors are compared; smaller is more alike for both. This is the one place where
 * FaceSearch computes a distance: the pipeline, the server's services and every storage backend's
 * exact re-rank call it, so a face gets the same distance wherever it is compared. Sums are taken in
 * double precision, so the result does not depend on the order of the components.
 */
public enum DistanceMetric {
    /** Euclidean distance of the raw descriptors (face-api's and dlib's choice), in [0, +inf). */
    EUCLIDEAN,
    /**
     * 1 - cosine similarity, in [0, 2]. A zero vector has no direction: it is taken as orthogonal
     * to everything (distance 1), never NaN.
     */
    COSINE;

    /**
     * The distance between two vectors of equal length.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public double distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
        return this == EUCLIDEAN ? euclidean(a, b) : cosine(a, b);
    }

    public double distance(Embedding a, Embedding b) {
        return distance(a.toArray(), b.toArray());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static double euclidean(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        double denominator = Math.sqrt(na * nb);
        // Rounding can take identical directions a hair below 0; the range is [0, 2].
        return denominator == 0 ? 1 : Math.max(0, 1 - dot / denominator);
    }
}
