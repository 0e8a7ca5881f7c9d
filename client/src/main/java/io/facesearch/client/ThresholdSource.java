package io.facesearch.client;

/** Where the open-set threshold of an identification decision comes from. */
public enum ThresholdSource {
    /**
     * Estimated from the collection's own impostor searches (sampled faces searched with their own
     * subject left out), so it holds as the collection grows.
     */
    COLLECTION_ESTIMATE,
    /**
     * The default calibrated on LFW DevTrain, used while the collection is too small (or not yet
     * sampled) to estimate the target FPIR from its own faces.
     */
    CALIBRATED_DEFAULT,
    /**
     * The collection's 1:1 distance threshold on the nearest face: the open-set calibration holds for
     * the server's default model with the euclidean metric only, and the collection has another.
     */
    DISTANCE_THRESHOLD,
    /** A source this client does not know yet, or none reported. */
    OTHER
}
