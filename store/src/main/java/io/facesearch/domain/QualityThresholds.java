package io.facesearch.domain;

/**
 * The quality a face must have to be enrolled in a collection, as stored with the collection. The
 * server turns them into its quality gate, which defines each measure and checks the ranges.
 *
 * @param minScore lowest detector score, in [0, 1]
 * @param maxBoxToFace how far the detection box may be from the face its landmarks fit (a ratio >= 1)
 * @param minFacePixels shortest side of the face's box, in the photo's pixels
 * @param minSharpness lowest sharpness (variance of the Laplacian of the aligned grey chip)
 * @param maxYaw largest |yaw|, degrees
 * @param maxPitch largest |pitch|, degrees
 * @param maxRoll largest |roll|, degrees
 */
public record QualityThresholds(double minScore, double maxBoxToFace, double minFacePixels, double minSharpness,
        double maxYaw, double maxPitch, double maxRoll) {

    public QualityThresholds {
        for (double v : new double[] {minScore, maxBoxToFace, minFacePixels, minSharpness, maxYaw, maxPitch, maxRoll}) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("a quality threshold is NaN");
            }
        }
    }
}
