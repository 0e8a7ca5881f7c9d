package io.facesearch.server.service;

import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The face pipeline behind a bound on concurrent analyses. Image work is CPU-bound, so running
 * more analyses than there are cores only adds latency; a caller that cannot get a slot within
 * the wait is refused with RESOURCE_EXHAUSTED rather than queued without limit.
 */
public final class PipelineGate implements AutoCloseable {
    private final FacePipeline pipeline;
    private final Semaphore slots;
    private final long waitMillis;

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
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED, "interrupted while waiting for the face pipeline");
        }
        if (!acquired) {
            throw new FaceSearchException(FaceSearchException.Kind.RESOURCE_EXHAUSTED,
                    "the face pipeline is busy with " + (slots.availablePermits() == 0 ? "all" : "most") + " of its slots; retry with backoff");
        }
        try {
            FacePipeline.AnalyzedImage analyzed = p.analyze(image, options);
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
