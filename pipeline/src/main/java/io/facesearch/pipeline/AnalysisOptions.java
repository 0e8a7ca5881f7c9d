package io.facesearch.pipeline;

/**
 * What to compute for each face.
 *
 * @param embeddings compute descriptors (the expensive step; detection-only callers turn it off)
 * @param expressions compute expression probabilities
 * @param maxFaces keep at most this many faces, main face first ({@link FacePipeline#analyze})
 */
public record AnalysisOptions(boolean embeddings, boolean expressions, int maxFaces) {
    /** Detection, landmarks and embeddings for up to 100 faces. */
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(true, false, 100);
    public static final AnalysisOptions EVERYTHING = new AnalysisOptions(true, true, 100);

    public AnalysisOptions {
        if (maxFaces < 1) {
            throw new IllegalArgumentException("maxFaces must be >= 1, got " + maxFaces);
        }
    }
}
