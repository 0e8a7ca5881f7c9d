package io.facesearch.face;

/** Probabilities of each {@link Expression}, summing to 1. */
public record Expressions(float[] probabilities) {

    public Expressions {
        if (probabilities.length != Expression.values().length) {
            throw new IllegalArgumentException("expected 7 probabilities, got " + probabilities.length);
        }
        probabilities = probabilities.clone();
    }

    public float probability(Expression e) {
        return probabilities[e.ordinal()];
    }

    public Expression dominant() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return Expression.values()[best];
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }
}
