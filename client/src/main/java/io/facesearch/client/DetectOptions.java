package io.facesearch.client;

/**
 * What {@code detect} computes besides boxes and landmarks.
 *
 * @param expressions also compute expression probabilities
 * @param embeddings also compute embeddings
 * @param maxFaces at most this many faces, main face first; 0 means 100
 */
public record DetectOptions(boolean expressions, boolean embeddings, int maxFaces) {

    /** Boxes and landmarks of up to 100 faces. */
    public static final DetectOptions DEFAULT = new DetectOptions(false, false, 0);

    public DetectOptions withExpressions(boolean e) {
        return new DetectOptions(e, embeddings, maxFaces);
    }

    public DetectOptions withEmbeddings(boolean e) {
        return new DetectOptions(expressions, e, maxFaces);
    }

    public DetectOptions withMaxFaces(int n) {
        return new DetectOptions(expressions, embeddings, n);
    }
}
