package io.facesearch.pipeline;

/** The installed face-api networks with FaceSearch's default settings. */
public final class DefaultPipelineProvider implements FacePipelineProvider {

    @Override
    public FacePipeline open(StageObserver observer) {
        return FacePipelines.open(PipelineSettings.DEFAULT, 1, observer);
    }
}
