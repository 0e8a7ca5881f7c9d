package io.facesearch.detect;

/**
 * How the SSD detector is applied.
 *
 * @param scoreCascade minimum scores tried in turn until one yields a face (the network runs once;
 *     lower thresholds only re-read its scores)
 * @param paddingRatio black border added on every side before detection, as a fraction of the
 *     image's longer side: the SSD misses faces that fill the frame, and a border shrinks them
 * @param maxIou non-max suppression overlap limit
 * @param maxResults most faces kept per image
 */
public record DetectorSettings(float[] scoreCascade, double paddingRatio, float maxIou, int maxResults) {

    /** face-api's own settings: one pass at 0.5, no padding. */
    public static final DetectorSettings ORIGINAL = new DetectorSettings(new float[] {0.5f}, 0, 0.5f, 100);

    /**
     * FaceSearch's default: a 20 % border (50 px on LFW's 250 px photos) and a 0.5, 0.3, 0.1 cascade.
     * On LFW pairs this leaves no image without a face where the original misses 10 %.
     */
    public static final DetectorSettings DEFAULT = new DetectorSettings(new float[] {0.5f, 0.3f, 0.1f}, 0.2, 0.5f, 100);

    public DetectorSettings {
        if (scoreCascade.length == 0) {
            throw new IllegalArgumentException("scoreCascade needs at least one threshold");
        }
        if (paddingRatio < 0 || paddingRatio > 1) {
            throw new IllegalArgumentException("paddingRatio must be in [0, 1], got " + paddingRatio);
        }
        scoreCascade = scoreCascade.clone();
    }

    @Override
    public float[] scoreCascade() {
        return scoreCascade.clone();
    }

    public DetectorSettings withMinScore(float minScore) {
        return new DetectorSettings(new float[] {minScore}, paddingRatio, maxIou, maxResults);
    }
}
