package io.facesearch.client.testing;

import java.util.Random;

/**
 * Deterministic stand-ins for face embeddings: each identity is a random unit vector, and its
 * samples lie within 0.1 of it, so that samples of one identity are within the Euclidean default
 * threshold (0.6) of each other and about 1.4 from any other identity's.
 */
public final class Vectors {
    public static final int DIMENSION = 128;

    private Vectors() {
    }

    public static float[] sample(int identity, int sample) {
        float[] centre = unit(new Random(1_000_003L * identity), 1.0);
        float[] noise = unit(new Random(31L * identity + 7919L * sample + 1), 0.05);
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = centre[i] + (sample == 0 ? 0 : noise[i]);
        }
        return v;
    }

    private static float[] unit(Random random, double length) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        double scale = length / Math.sqrt(norm);
        for (int i = 0; i < DIMENSION; i++) {
            v[i] *= (float) scale;
        }
        return v;
    }
}
