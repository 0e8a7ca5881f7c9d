package io.facesearch.client;

/**
 * Enrolment quality thresholds: a face that breaks one is not enrolled, with the
 * {@link RejectedFace.Reason} named below. The measures are those of {@link FaceQuality}. A null
 * threshold is not set: a collection created with it takes the server's {@code quality.*} setting.
 * Start from {@link #SERVER_DEFAULTS}: {@code QualitySettings.SERVER_DEFAULTS.withMinFacePx(80)}.
 *
 * @param minScore lowest detector score, in [0, 1] ({@code LOW_SCORE})
 * @param maxBoxToFace how far the detection box may be from the face its landmarks fit, either way:
 *     a ratio of at least 1 ({@code LANDMARKS_DISAGREE})
 * @param minFacePx shortest side of the face's box, in the photo's pixels ({@code TOO_SMALL})
 * @param minSharpness lowest variance of the Laplacian of the aligned grey face chip ({@code BLURRY})
 * @param maxYaw largest head turn, degrees in (0, 180] ({@code EXTREME_POSE})
 * @param maxPitch largest head nod, degrees in (0, 180] ({@code EXTREME_POSE})
 * @param maxRoll largest in-plane tilt, degrees in (0, 180] ({@code EXTREME_POSE})
 */
public record QualitySettings(Double minScore, Double maxBoxToFace, Double minFacePx, Double minSharpness, Double maxYaw,
        Double maxPitch, Double maxRoll) {

    /** No threshold set: every one is the server's. */
    public static final QualitySettings SERVER_DEFAULTS = new QualitySettings(null, null, null, null, null, null, null);

    /** True when no threshold is set. */
    public boolean isEmpty() {
        return equals(SERVER_DEFAULTS);
    }

    public QualitySettings withMinScore(double v) {
        return new QualitySettings(v, maxBoxToFace, minFacePx, minSharpness, maxYaw, maxPitch, maxRoll);
    }

    public QualitySettings withMaxBoxToFace(double v) {
        return new QualitySettings(minScore, v, minFacePx, minSharpness, maxYaw, maxPitch, maxRoll);
    }

    public QualitySettings withMinFacePx(double v) {
        return new QualitySettings(minScore, maxBoxToFace, v, minSharpness, maxYaw, maxPitch, maxRoll);
    }

    public QualitySettings withMinSharpness(double v) {
        return new QualitySettings(minScore, maxBoxToFace, minFacePx, v, maxYaw, maxPitch, maxRoll);
    }

    public QualitySettings withMaxYaw(double v) {
        return new QualitySettings(minScore, maxBoxToFace, minFacePx, minSharpness, v, maxPitch, maxRoll);
    }

    public QualitySettings withMaxPitch(double v) {
        return new QualitySettings(minScore, maxBoxToFace, minFacePx, minSharpness, maxYaw, v, maxRoll);
    }

    public QualitySettings withMaxRoll(double v) {
        return new QualitySettings(minScore, maxBoxToFace, minFacePx, minSharpness, maxYaw, maxPitch, v);
    }
}
