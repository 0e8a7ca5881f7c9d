package io.facesearch.pipeline;

/** The installed face-api networks with FaceSearch's default settings. */
public final class DefaultPipelineProvider implements FacePipelineProvider {

    @Override
    public FacePipeline open() {
        return FacePipelines.open(PipelineSettings.DEFAULT);
    }
}
