package io.facesearch.pipeline;

/** The stages of the pipeline, in order, as reported to a {@link StageObserver}. */
public enum PipelineStage {
    DECODE, DETECT, LANDMARKS, EMBED, EXPRESSION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
