package io.facesearch.client;

/**
 * Options of a search. Zero values take the server's defaults.
 *
 * @param topK matches per query face, at most 1000; 0 means 10
 * @param threshold only matches with a distance at most this are returned; 0 means the collection's
 * @param exact compare with every face instead of the approximate index: slow, for audits
 */
public record SearchOptions(int topK, float threshold, boolean exact) {

    /** The server's defaults: 10 matches within the collection's threshold, from the index. */
    public static final SearchOptions DEFAULT = new SearchOptions(0, 0, false);

    public SearchOptions withTopK(int k) {
        return new SearchOptions(k, threshold, exact);
    }

    public SearchOptions withThreshold(float t) {
        return new SearchOptions(topK, t, exact);
    }

    public SearchOptions withExact(boolean e) {
        return new SearchOptions(topK, threshold, e);
    }
}
