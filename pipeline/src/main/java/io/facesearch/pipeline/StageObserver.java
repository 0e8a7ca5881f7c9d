package io.facesearch.pipeline;

/** Told how long each stage of each image took: metrics and benchmarks plug in here. Thread-safe. */
@FunctionalInterface
public interface StageObserver {
    StageObserver NONE = (stage, nanos) -> { };

    void stageCompleted(PipelineStage stage, long nanos);
}
