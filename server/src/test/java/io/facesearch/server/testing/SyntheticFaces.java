package io.facesearch.server.testing;

import java.util.Random;

/**
 * Clustered synthetic embeddings that behave like a face model's: each identity has a centre,
 * and its samples scatter around it well inside the 0.6 Euclidean threshold, while centres of
 * different identities lie about 1.3 apart. Uniform random vectors would be useless here: in 128-D
 * they are all nearly equidistant, which no face model produces and no index is tuned for.
 * Every value is a pure function of (seed, identity, sample), so a child process or a later run
 * regenerates exactly the same vectors.
 */
public final class SyntheticFaces {
    /** Norm of the component all faces share (a face model's mean face), before the identity part. */
    private static final double SHARED = 1.0;
    /** Norm of an identity's own direction: centres lie ~SPREAD * sqrt(2) ~ 1.27 apart. */
    private static final double SPREAD = 0.9;
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
        float[] own = direction(new Random(mix(identity, -1)), SPREAD);
        float[] centre = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            centre[i] = shared[i] + own[i];
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
