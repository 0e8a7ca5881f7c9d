package io.facesearch.face;

import java.util.Arrays;

/**
 * A face descriptor. Immutable; the raw network output unless a caller normalises it. Distances
 * between descriptors are {@link io.facesearch.compare.DistanceMetric}'s to compute.
 */
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
