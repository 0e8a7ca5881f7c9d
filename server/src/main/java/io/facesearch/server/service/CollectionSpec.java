package io.facesearch.server.service;

import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;

/**
 * What a caller asks for when creating a collection; unset values (null, 0, empty) take defaults.
 */
public record CollectionSpec(String name, Metric metric, float threshold, IndexFormat indexFormat, String modelId, int dimension) {
}
