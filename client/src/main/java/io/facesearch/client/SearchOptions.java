package io.facesearch.client;

/**
 * Options of a search. Zero values take the server's defaults.
 *
 * @param topK subject candidates (and, with {@code faceMatches}, face matches) per query face, at
 *     most 1000; 0 means 10
 * @param threshold face matches only: those with a distance below this are returned; 0 means the
 *     collection's. The identification decision does not use it
 * @param exact compare with every face instead of the approximate index: slow, for audits
 * @param targetFpir the false positive identification rate the decision is set for, in (0, 1): the
 *     fraction of people who are not enrolled that may be identified as someone; 0 means the
 *     collection's target FPIR
 * @param faceMatches also return the face-level matches ({@link Matches#matches()}): the enrolled
 *     faces within {@code threshold}
 */
public record SearchOptions(int topK, float threshold, boolean exact, double targetFpir, boolean faceMatches) {

    /**
     * The server's defaults: 10 subject candidates, decided at the collection's target FPIR, from
     * the index, without face matches.
     */
    public static final SearchOptions DEFAULT = new SearchOptions(0, 0, false, 0, false);

    /** Options at the collection's target FPIR, without face matches. */
    public SearchOptions(int topK, float threshold, boolean exact) {
        this(topK, threshold, exact, 0, false);
    }

    public SearchOptions withTopK(int k) {
        return new SearchOptions(k, threshold, exact, targetFpir, faceMatches);
    }

    public SearchOptions withThreshold(float t) {
        return new SearchOptions(topK, t, exact, targetFpir, faceMatches);
    }

    public SearchOptions withExact(boolean e) {
        return new SearchOptions(topK, threshold, e, targetFpir, faceMatches);
    }

    public SearchOptions withTargetFpir(double rate) {
        return new SearchOptions(topK, threshold, exact, rate, faceMatches);
    }

    public SearchOptions withFaceMatches(boolean on) {
        return new SearchOptions(topK, threshold, exact, targetFpir, on);
    }
}
