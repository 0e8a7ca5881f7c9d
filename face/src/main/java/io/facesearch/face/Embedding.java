package io.facesearch.face;

import java.util.Arrays;

/** A face descriptor. Immutable; the raw network output unless a caller normalises it. */
public final class Embedding {
    private final float[] values;

    public Embedding(float[] values) {
        this.values = values.clone();
    }

    public int dimension() {
        return values.length;
    }

    public float get(int i) {
        return values[i];
    }

    public float[] toArray() {
        return values.clone();
    }

    public double norm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    /** This vector scaled to unit length (cosine and dot product then agree). */
    public Embedding normalized() {
        double n = norm();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) (values[i] / n);
        }
        return new Embedding(out);
    }

    public double euclideanDistance(Embedding other) {
        requireSameDimension(other);
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - other.values[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** 1 - cosine similarity, in [0, 2]. */
    public double cosineDistance(Embedding other) {
        requireSameDimension(other);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < values.length; i++) {
            dot += (double) values[i] * other.values[i];
            na += (double) values[i] * values[i];
            nb += (double) other.values[i] * other.values[i];
        }
        return 1 - dot / Math.sqrt(na * nb);
    }

    private void requireSameDimension(Embedding other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException(
                    "embedding dimensions differ: " + values.length + " vs " + other.values.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + "-D]";
    }
}
