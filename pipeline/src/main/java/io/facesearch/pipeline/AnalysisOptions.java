package io.facesearch.pipeline;

/**
 * What to compute for each face.
 *
 * @param embeddings compute descriptors (the expensive step; detection-only callers turn it off)
 * @param expressions compute expression probabilities
 * @param maxFaces keep at most this many faces, main face first ({@link FacePipeline#analyze})
 * @param maxEmbedded the faces a caller can keep: descriptors (and quality measures) are computed for
 *     at most this many of them, the first ones; the others come back without (a caller that keeps
 *     only the main face still learns where the others are)
 * @param quality measure the {@link io.facesearch.quality.FaceQuality} of the first {@code maxEmbedded}
 *     faces (a chip and a few ratios per face, no network), returned in
 *     {@link FacePipeline.AnalyzedImage#quality()}
 */
public record AnalysisOptions(boolean embeddings, boolean expressions, int maxFaces, int maxEmbedded, boolean quality) {
    /**
     * Faces found, embedded and returned per image at most by default: more is a crowd, not a
     * portrait (the API's {@code ProtocolLimit.MAX_FACES_PER_IMAGE}).
     */
    public static final int MAX_FACES = 100;
    /** Detection, landmarks and embeddings for up to {@value #MAX_FACES} faces. */
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(true, false, MAX_FACES);
    public static final AnalysisOptions EVERYTHING = new AnalysisOptions(true, true, MAX_FACES);

    public AnalysisOptions {
        if (maxFaces < 1) {
            throw new IllegalArgumentException("maxFaces must be >= 1, got " + maxFaces);
        }
        if (maxEmbedded < 0 || maxEmbedded > maxFaces) {
            throw new IllegalArgumentException("maxEmbedded must be in [0, maxFaces], got " + maxEmbedded);
        }
    }

    /** Without quality measures. */
    public AnalysisOptions(boolean embeddings, boolean expressions, int maxFaces, int maxEmbedded) {
        this(embeddings, expressions, maxFaces, maxEmbedded, false);
    }

    /** Every face kept is embedded (when {@code embeddings} is on); no quality measures. */
    public AnalysisOptions(boolean embeddings, boolean expressions, int maxFaces) {
        this(embeddings, expressions, maxFaces, maxFaces, false);
    }

    /** The same options, with or without each face's quality measures. */
    public AnalysisOptions withQuality(boolean measure) {
        return new AnalysisOptions(embeddings, expressions, maxFaces, maxEmbedded, measure);
    }
}
