package io.facesearch.server.metrics;

import io.facesearch.pipeline.PipelineStage;
import io.facesearch.pipeline.StageObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time spent in each stage of the face pipeline (decode, detect, landmarks, embed, expression),
 * exported as {@code facesearch_pipeline_stage_seconds{stage}} (count, sum, max and histogram
 * buckets). Every stage's timer is registered up front, so a scrape lists all of them, at zero
 * until the stage first runs.
 */
public final class PipelineStageMetrics implements StageObserver {
    private final Map<PipelineStage, Timer> timers = new EnumMap<>(PipelineStage.class);

    public PipelineStageMetrics(MeterRegistry registry) {
        for (PipelineStage stage : PipelineStage.values()) {
            timers.put(stage, Timer.builder("facesearch.pipeline.stage")
                    .description("time one image spends in a stage of the face pipeline")
                    .tag("stage", stage.label())
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    @Override
    public void stageCompleted(PipelineStage stage, long nanos) {
        timers.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }
}
