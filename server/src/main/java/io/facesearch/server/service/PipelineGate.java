package io.facesearch.server.service;

import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The face pipeline behind a bound on concurrent analyses. Image work is CPU-bound, so running
 * more analyses than there are cores only adds latency; a caller that cannot get a slot within
 * the wait is refused with RESOURCE_EXHAUSTED rather than queued without limit.
 *
 * <p>A call with a deadline ({@link CallDeadline}) is refused at once, not after the wait, when all
 * slots are taken and the queue ahead of it cannot be through in time: the gate keeps a moving
 * average of its own analysis times, and a caller with {@code n} others waiting on {@code c} slots
 * expects a slot in about {@code (n + 1) / c} analyses and its answer one analysis later. Nor does
 * it wait for a slot past its deadline.
 */
public final class PipelineGate implements AutoCloseable {
    /** Weight of the newest timing in the moving average: about the last ten analyses count. */
    private static final double SMOOTHING = 0.2;

    private final FacePipeline pipeline;
    private final int concurrency;
    private final Semaphore slots;
    private final long waitMillis;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Moving average of an analysis, in nanoseconds; 0 until the first one. */
    private volatile double averageNanos;

    /**
     * @param pipeline null when the server runs without models (embedding-only)
     * @param concurrency analyses that may run at once
     * @param waitMillis how long a caller waits for a slot before being refused
     */
    public PipelineGate(FacePipeline pipeline, int concurrency, long waitMillis) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("pipeline concurrency must be >= 1, got " + concurrency);
        }
        this.pipeline = pipeline;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.waitMillis = waitMillis;
    }

    public boolean available() {
        return pipeline != null;
    }

    /** The model id of the pipeline; FAILED_PRECONDITION without one. */
    public String modelId() {
        return require().modelId();
    }

    public int embeddingDimension() {
        return require().embeddingDimension();
    }

    /** Analyses an image; INVALID_ARGUMENT or RESOURCE_EXHAUSTED for a bad or oversized image. */
    public FacePipeline.AnalyzedImage analyze(byte[] image, AnalysisOptions options) {
        FacePipeline p = require();
        if (image == null || image.length == 0) {
            throw FaceSearchException.invalid("the image is empty: send the encoded bytes of a JPEG, PNG, BMP, WebP or GIF file");
        }
        long wait = admit(CallDeadline.current());
        boolean acquired;
        waiting.incrementAndGet();
        try {
            acquired = slots.tryAcquire(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED, "interrupted while waiting for the face pipeline");
        } finally {
            waiting.decrementAndGet();
        }
        if (!acquired) {
            throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED,
                    "the face pipeline is busy with " + (slots.availablePermits() == 0 ? "all" : "most") + " of its slots; retry with backoff");
        }
        long start = System.nanoTime();
        try {
            FacePipeline.AnalyzedImage analyzed = p.analyze(image, options);
            record(System.nanoTime() - start);
            if (options.quality() && analyzed.quality().size() < Math.min(options.maxEmbedded(), analyzed.faces().size())) {
                // The enrolment gate cannot judge unmeasured faces, and must not let them through.
                throw new FaceSearchException(FaceSearchException.Kind.FAILED_PRECONDITION,
                        "the face pipeline '" + p.modelId() + "' does not measure face quality, which enrolment from images needs");
            }
            return analyzed;
        } catch (InvalidImageException e) {
            FaceSearchException.Kind kind = e.reason() == InvalidImageException.Reason.TOO_LARGE
                    ? FaceSearchException.Kind.RESOURCE_EXHAUSTED : FaceSearchException.Kind.INVALID_ARGUMENT;
            throw new FaceSearchException(kind, "image refused (" + e.reason() + "): " + e.getMessage());
        } finally {
            slots.release();
        }
    }

    /**
     * How long this caller may wait for a slot, in nanoseconds; RESOURCE_EXHAUSTED at once when its
     * deadline cannot be met behind the callers ahead.
     */
    private long admit(OptionalLong deadline) {
        long wait = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        if (deadline.isEmpty()) {
            return wait;
        }
        long left = deadline.getAsLong() - System.nanoTime();
        double analysis = averageNanos;
        int ahead = waiting.get();
        boolean busy = ahead > 0 || slots.availablePermits() == 0;
        if (busy && analysis > 0) {
            double expected = (ahead + 1) * analysis / concurrency + analysis;
            if (expected > left) {
                throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED, String.format(java.util.Locale.ROOT,
                        "the face pipeline cannot answer within this call's deadline: %d requests wait for its %d slots, about %d ms"
                                + " an analysis, so an answer in about %d ms, and %d ms are left; retry with backoff or a longer deadline",
                        ahead, concurrency, Math.round(analysis / 1e6), Math.round(expected / 1e6), Math.max(0, left / 1_000_000)));
            }
        }
        return Math.max(0, Math.min(wait, left));
    }

    /** Adds an analysis time to the moving average; a lost update under a race only weighs one timing less. */
    private void record(long nanos) {
        double average = averageNanos;
        averageNanos = average == 0 ? nanos : average + SMOOTHING * (nanos - average);
    }

    /** The moving average of an analysis, in milliseconds; 0 before the first. */
    public double averageAnalysisMillis() {
        return averageNanos / 1e6;
    }

    private FacePipeline require() {
        if (pipeline == null) {
            throw new FaceSearchException(FaceSearchException.Kind.FAILED_PRECONDITION,
                    "this server runs without a face pipeline: send precomputed embeddings, or install the models module");
        }
        return pipeline;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
