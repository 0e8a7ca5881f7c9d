package io.facesearch.server.service;

/** Where the threshold of an identification decision comes from. */
public enum ThresholdSource {
    /** Estimated at the target FPIR from the collection's own impostor searches. */
    COLLECTION_ESTIMATE,
    /**
     * {@link io.facesearch.identify.IdentificationDefaults}' threshold, calibrated on LFW DevTrain: the
     * collection is too small, or not yet sampled, to estimate the target FPIR from its own faces.
     */
    CALIBRATED_DEFAULT,
    /**
     * The collection's 1:1 distance threshold on the nearest face: the open-set score is calibrated
     * for the default model's euclidean distances, and this collection holds other ones.
     */
    DISTANCE_THRESHOLD
}
