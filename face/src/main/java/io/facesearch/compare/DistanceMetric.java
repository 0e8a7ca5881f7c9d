package io.facesearch.compare;

import io.facesearch.face.Embedding;

/** How two descriptors are compared. Smaller is more alike for both. */
public enum DistanceMetric {
    /** Euclidean distance of the raw descriptors (face-api's and dlib's choice). */
    EUCLIDEAN,
    /** 1 - cosine similarity, in [0, 2]. */
    COSINE;

    public double distance(Embedding a, Embedding b) {
        return this == EUCLIDEAN ? a.euclideanDistance(b) : a.cosineDistance(b);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
