package io.facesearch.server.service;

import io.facesearch.quality.QualityGate;

/**
 * The quality thresholds a caller sets when creating a collection; each null one takes the
 * server's {@code quality.*} setting. The meaning of each is {@link QualityGate}'s.
 */
public record QualitySpec(Double minScore, Double maxBoxToFace, Double minFacePixels, Double minSharpness, Double maxYaw,
        Double maxPitch, Double maxRoll) {

    /** Nothing set: the collection follows the server's settings. */
    public static final QualitySpec NONE = new QualitySpec(null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** These thresholds over {@code defaults}; INVALID_ARGUMENT when one is out of its range. */
    QualityGate over(QualityGate defaults) {
        try {
            return new QualityGate(or(minScore, defaults.minScore()), or(maxBoxToFace, defaults.maxBoxToFace()),
                    or(minFacePixels, defaults.minFacePixels()), or(minSharpness, defaults.minSharpness()),
                    or(maxYaw, defaults.maxYaw()), or(maxPitch, defaults.maxPitch()), or(maxRoll, defaults.maxRoll()));
        } catch (IllegalArgumentException e) {
            throw FaceSearchException.invalid("quality: " + e.getMessage());
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
