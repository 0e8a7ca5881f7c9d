package io.facesearch.pipeline;

/**
 * Opens a {@link FacePipeline}. Implementations are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/io.facesearch.pipeline.FacePipelineProvider}), so the server
 * depends on this interface alone and runs without models when none is on the class path.
 */
public interface FacePipelineProvider {

    /**
     * Loads the models and returns a ready pipeline; the caller closes it.
     *
     * @param observer told how long each stage of each image took (the server's metrics)
     * @throws io.facesearch.model.ModelUnavailableException naming the command that installs the models
     */
    FacePipeline open(StageObserver observer);

    /** {@link #open(StageObserver)} with no one told of stage timings. */
    default FacePipeline open() {
        return open(StageObserver.NONE);
    }
}
