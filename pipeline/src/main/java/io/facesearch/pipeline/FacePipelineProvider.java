package io.facesearch.pipeline;

/**
 * Opens a {@link FacePipeline}. Implementations are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/io.facesearch.pipeline.FacePipelineProvider}), so the server
 * depends on this interface alone and runs without models when none is on the class path.
 */
public interface FacePipelineProvider {

    /** Loads the models and returns a ready pipeline; the caller closes it. */
    FacePipeline open();
}
