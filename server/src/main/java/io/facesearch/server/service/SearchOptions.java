package io.facesearch.server.service;

/**
 * @param topK matches per query face, in [1, 1000]; 0 means 10
 * @param threshold the largest distance returned; 0 means the collection's threshold
 * @param exact compare with every face rather than the approximate index
 * @param targetFpir the false positive identification rate the decision is set for, in (0, 1); 0
 *     means the collection's
 * @param faceMatches also return the face-level matches within {@code threshold}
 */
public record SearchOptions(int topK, float threshold, boolean exact, double targetFpir, boolean faceMatches) {
    /**
     * Enough for any face-identification use; bounds the work one request can ask for. Declared
     * before {@link #DEFAULT}, whose construction reads it: it is not a compile-time constant.
     */
    static final int MAX_TOP_K = RequestLimits.MAX_RESULTS;
    public static final SearchOptions DEFAULT = new SearchOptions(10, 0, false, 0, false);

    public SearchOptions {
        if (topK == 0) {
            topK = 10;
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw FaceSearchException.invalid("top_k must be in [1, " + MAX_TOP_K + "], got " + topK);
        }
        if (threshold < 0 || Float.isNaN(threshold) || Float.isInfinite(threshold)) {
            throw FaceSearchException.invalid("threshold must be a positive distance (or 0 for the collection's), got " + threshold);
        }
        if (!(targetFpir == 0 || targetFpir > 0 && targetFpir < 1)) {
            throw FaceSearchException.invalid("target_fpir must be in (0, 1), or 0 for the collection's, got " + targetFpir);
        }
    }
}
