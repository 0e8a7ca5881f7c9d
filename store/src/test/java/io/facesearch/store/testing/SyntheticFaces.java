package io.facesearch.store.testing;

import java.util.Random;

/**
 * Clustered synthetic embeddings that behave like a face model's, in three levels: a mean face all
 * share; groups of {@value #GROUP_SIZE} identities that resemble each other (think family or
 * look-alikes); and each identity's samples scattered around its centre. Samples of one identity
 * lie ~0.35 apart (inside the 0.6 Euclidean threshold), identities of one group ~0.9 apart (near
 * misses), other identities ~1.3 apart; norms come out near 1.4, like the real model's. Uniform
 * random vectors would be useless: in 128-D they are all nearly equidistant, which no face model
 * produces, and a one-level clustering leaves every non-match at the same distance, so "the ten
 * nearest" would be decided by noise.
 * Every value is a pure function of (seed, identity, sample), so a child process or a later run
 * regenerates exactly the same vectors.
 */
public final class SyntheticFaces {
    /** Identities per group of look-alikes. */
    static final int GROUP_SIZE = 50;
    /** Norm of the component all faces share (a face model's mean face). */
    private static final double SHARED = 1.0;
    /** Norm of a group's direction: groups lie ~GROUP * sqrt(2) apart, before the levels below. */
    private static final double GROUP = 0.7;
    /** Norm of an identity's direction within its group: identities of a group lie ~0.85 apart. */
    private static final double SPREAD = 0.6;
    /** Norm of a sample's noise: samples of one identity lie ~NOISE * sqrt(2) ~ 0.35 apart. */
    private static final double NOISE = 0.25;

    private final long seed;
    private final int dimension;
    private final float[] shared;

    public SyntheticFaces(long seed, int dimension) {
        this.seed = seed;
        this.dimension = dimension;
        this.shared = direction(new Random(seed), SHARED);
    }

    public int dimension() {
        return dimension;
    }

    /** The centre of an identity. */
    public float[] centre(int identity) {
        float[] group = direction(new Random(mix(-1 - identity / GROUP_SIZE, -2)), GROUP);
        float[] own = direction(new Random(mix(identity, -1)), SPREAD);
        float[] centre = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            centre[i] = shared[i] + group[i] + own[i];
        }
        return centre;
    }

    /** Sample {@code sample} of identity {@code identity}: its centre plus noise. */
    public float[] sample(int identity, int sample) {
        float[] centre = centre(identity);
        float[] noise = direction(new Random(mix(identity, sample)), NOISE);
        for (int i = 0; i < dimension; i++) {
            centre[i] += noise[i];
        }
        return centre;
    }

    public static String subject(int identity) {
        return "person-" + identity;
    }

    private long mix(int identity, int sample) {
        long h = seed * 0x9E3779B97F4A7C15L + identity * 0xC2B2AE3D27D4EB4FL + sample * 0x165667B19E3779F9L;
        return h ^ (h >>> 29);
    }

    /** A random direction of the given norm. */
    private float[] direction(Random random, double norm) {
        double[] g = new double[dimension];
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            g[i] = random.nextGaussian();
            s += g[i] * g[i];
        }
        double scale = norm / Math.sqrt(s);
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (g[i] * scale);
        }
        return v;
    }
}
