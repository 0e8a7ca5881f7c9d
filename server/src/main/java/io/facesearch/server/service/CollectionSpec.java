package io.facesearch.server.service;

import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;

/**
 * What a caller asks for when creating a collection; unset values (null, 0, empty) take defaults.
 *
 * @param targetFpir the false positive identification rate searches are set for; 0 means
 *     {@link io.facesearch.identify.IdentificationDefaults#TARGET_FPIR}
 * @param quality the enrolment quality thresholds; {@link QualitySpec#NONE} (or null) follows the
 *     server's settings
 */
public record CollectionSpec(String name, Metric metric, float threshold, IndexFormat indexFormat, String modelId, int dimension,
        double targetFpir, QualitySpec quality) {

    /** A spec with the default target FPIR and the server's quality settings. */
    public CollectionSpec(String name, Metric metric, float threshold, IndexFormat indexFormat, String modelId, int dimension) {
        this(name, metric, threshold, indexFormat, modelId, dimension, 0, QualitySpec.NONE);
    }
}
