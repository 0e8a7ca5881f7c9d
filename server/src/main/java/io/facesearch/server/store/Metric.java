package io.facesearch.server.store;

/**
 * How a collection compares embeddings. The stored code is part of {@link CollectionRecord}'s
 * layout, so codes are never renumbered.
 */
public enum Metric {
    /** L2 distance between raw embeddings; 0.6 is the usual decision threshold for 128-D faces. */
    EUCLIDEAN(1, 0.6f),
    /**
     * 1 - cosine similarity. For normalised vectors squared L2 = 2 * cosine distance, so the
     * Euclidean default 0.6 at a typical raw norm of 1.4 corresponds to (0.6 / 1.4)^2 / 2 = 0.09.
     */
    COSINE(2, 0.09f);

    private final int code;
    private final float defaultThreshold;

    Metric(int code, float defaultThreshold) {
        this.code = code;
        this.defaultThreshold = defaultThreshold;
    }

    public int code() {
        return code;
    }

    public float defaultThreshold() {
        return defaultThreshold;
    }

    public static Metric fromCode(int code) {
        for (Metric m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric code " + code);
    }

    /** The distance between two vectors of equal length in this metric. */
    public float distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
        return switch (this) {
            case EUCLIDEAN -> {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    double d = a[i] - b[i];
                    s += d * d;
                }
                yield (float) Math.sqrt(s);
            }
            case COSINE -> {
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int i = 0; i < a.length; i++) {
                    dot += (double) a[i] * b[i];
                    na += (double) a[i] * a[i];
                    nb += (double) b[i] * b[i];
                }
                double denominator = Math.sqrt(na * nb);
                // A zero vector has no direction: treat it as orthogonal to everything.
                yield denominator == 0 ? 1f : (float) Math.max(0, 1 - dot / denominator);
            }
        };
    }
}
