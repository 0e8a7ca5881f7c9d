package io.facesearch.compare;

/**
 * The false-accept rate a threshold stands for: the fraction of pairs of different people whose
 * distance is below it, which a verification at that threshold takes for the same person.
 *
 * @param rate the fraction in [0, 1]
 * @param atMost true when the threshold lies below every measured one, so that {@code rate} is the
 *     smallest rate measured and the true rate is at most that: too few impostor pairs come that close
 *     to say more
 */
public record FalseAcceptRate(double rate, boolean atMost) {

    public FalseAcceptRate {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a false-accept rate is in [0, 1], got " + rate);
        }
    }
}
