package io.facesearch.detect;

/**
 * How the SSD detector is applied.
 *
 * @param scoreCascade minimum scores tried in turn until one yields a face (the network runs once;
 *     lower thresholds only re-read its scores)
 * @param paddingRatios black borders tried in turn until one yields a face, each a fraction of the
 *     image's longer side added on every side: the SSD misses faces that fill the frame, and a
 *     border shrinks them. Only images where every earlier border found nothing pay for a retry.
 * @param retryTransformed when no border finds a face, try the mirrored image, then the image with
 *     its contrast equalised, each with the first border
 * @param maxIou non-max suppression overlap limit
 * @param maxResults most faces kept per image
 * @param seekWholeFace go on down the score cascade while every face found is cut by the photo's
 *     edge: a bystander's half face can outscore the whole face of the person photographed
 */
public record DetectorSettings(float[] scoreCascade, double[] paddingRatios, boolean retryTransformed, float maxIou,
        int maxResults, boolean seekWholeFace) {

    /** face-api's own settings: one pass at 0.5, no padding. */
    public static final DetectorSettings ORIGINAL =
            new DetectorSettings(new float[] {0.5f}, new double[] {0}, false, 0.5f, 100, false);

    /**
     * FaceSearch's default: a 20 % border (50 px on LFW's 250 px photos) and a 0.4, 0.3, 0.1 score
     * cascade, gone down further while every face found is cut by the photo's edge; when that finds
     * nothing, a 50 % border (for faces larger than the frame), then none (for faces too small once
     * shrunk), then the mirrored image, then the image with its contrast equalised. The first level
     * is 0.4, not face-api's 0.5: a photo's subject, looking down or aside, can score 0.41 to 0.45
     * while a small face in the background scores 0.8, and the main face can only be chosen among
     * faces found.
     */
    public static final DetectorSettings DEFAULT =
            new DetectorSettings(new float[] {0.4f, 0.3f, 0.1f}, new double[] {0.2, 0.5, 0}, true, 0.5f, 100, true);

    public DetectorSettings {
        if (scoreCascade.length == 0) {
            throw new IllegalArgumentException("scoreCascade needs at least one threshold");
        }
        if (paddingRatios.length == 0) {
            throw new IllegalArgumentException("paddingRatios needs at least one border (0 for none)");
        }
        for (double p : paddingRatios) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("padding ratios must be in [0, 1], got " + p);
            }
        }
        scoreCascade = scoreCascade.clone();
        paddingRatios = paddingRatios.clone();
    }

    @Override
    public float[] scoreCascade() {
        return scoreCascade.clone();
    }

    @Override
    public double[] paddingRatios() {
        return paddingRatios.clone();
    }

    /** The border of the first pass, which most images stop at. */
    public double firstPadding() {
        return paddingRatios[0];
    }
}
