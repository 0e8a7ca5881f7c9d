package io.facesearch.model;

/**
 * The versions that name the converted graphs: the cache directory of a model set carries its
 * converter version, the model id of a pipeline carries the outputs version. They live in the
 * contract, not in the converter, so that code that only reads a prepared directory (the pipeline,
 * the server) finds it and names its embeddings without the converter on its class path.
 */
public final class ModelVersions {
    /**
     * Version of the face-api conversion. Bump it whenever a graph changes (names, shapes, folding,
     * numerics): the model cache directory carries it, so a new version converts afresh instead of
     * reusing stale graphs.
     */
    public static final int FACE_API_GRAPHS = 2;

    /**
     * Version of what the converted face-api networks compute. Bump it only when a change alters
     * their outputs: it names the embedding space in every pipeline's model id, which collections
     * store, so that vectors from different networks are never mixed. A graph that computes the same
     * values faster (graphs version 2 normalises after the layout change) keeps it.
     */
    public static final int FACE_API_OUTPUTS = 1;

    /**
     * Version of the conversion of Human's networks. Bump it whenever a graph changes (names, shapes,
     * numerics): the cache directory carries it.
     */
    public static final int HUMAN_MODELS_GRAPHS = 1;

    private ModelVersions() {
    }

    /**
     * The weights package and the version of what its converted networks compute
     * ({@link #FACE_API_OUTPUTS}), e.g. {@code face-api-1.7.15-c1}: the first part of a pipeline's
     * model id.
     */
    public static String faceApiOutputs() {
        return "face-api-" + PinnedPackage.FACE_API.version() + "-c" + FACE_API_OUTPUTS;
    }
}
