package io.facesearch.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gate's bound on concurrent analyses; the pipeline here only blocks, it analyses nothing. */
class PipelineGateTest {

    /** Holds every analysis until released; refuses images starting with 0. */
    private static final class BlockingPipeline implements FacePipeline {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        /** When set, analyses after the first wait for this latch instead. */
        volatile CountDownLatch releaseNext;

        @Override
        public AnalyzedImage analyze(byte[] encodedImage, AnalysisOptions options) throws InvalidImageException {
            if (encodedImage[0] == 0) {
                throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE, "too many pixels");
            }
            CountDownLatch latch = entered.getCount() == 0 && releaseNext != null ? releaseNext : release;
            entered.countDown();
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new AnalyzedImage(1, 1, List.of());
        }

        @Override
        public String modelId() {
            return "blocking@1";
        }

        @Override
        public int embeddingDimension() {
            return 128;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void refusesWithResourceExhaustedWhenEverySlotIsBusy() throws Exception {
        BlockingPipeline pipeline = new BlockingPipeline();
        try (PipelineGate gate = new PipelineGate(pipeline, 1, 50)) {
            Thread busy = new Thread(() -> gate.analyze(new byte[] {1}, AnalysisOptions.DEFAULT));
            busy.start();
            pipeline.entered.await(5, TimeUnit.SECONDS);
            FaceSearchException refused = assertThrows(FaceSearchException.class, () -> gate.analyze(new byte[] {1}, AnalysisOptions.DEFAULT));
            assertEquals(FaceSearchException.Kind.RESOURCE_EXHAUSTED, refused.kind());
            pipeline.release.countDown();
            busy.join(5000);
            assertEquals(0, gate.analyze(new byte[] {1}, AnalysisOptions.DEFAULT).faces().size(), "the slot was released");
        }
    }

    @Test
    void aCallerWhoseDeadlineTheQueueCannotMeetIsRefusedAtOnce() throws Exception {
        BlockingPipeline pipeline = new BlockingPipeline();
        try (PipelineGate gate = new PipelineGate(pipeline, 1, 5_000)) {
            assertEquals(0, gate.averageAnalysisMillis());
            // One analysis of ~100 ms teaches the gate its pace.
            Thread first = new Thread(() -> gate.analyze(new byte[] {1}, AnalysisOptions.DEFAULT));
            first.start();
            pipeline.entered.await(5, TimeUnit.SECONDS);
            Thread.sleep(100);
            pipeline.release.countDown();
            first.join(5000);
            assertTrue(gate.averageAnalysisMillis() >= 100, "timed: " + gate.averageAnalysisMillis());
            // The only slot is held; with 60 ms left, a wait for it and ~100 ms of analysis cannot fit.
            CountDownLatch held = new CountDownLatch(1);
            pipeline.releaseNext = held;
            Thread holder = new Thread(() -> gate.analyze(new byte[] {1}, AnalysisOptions.DEFAULT));
            holder.start();
            Thread.sleep(50);
            long start = System.nanoTime();
            FaceSearchException refused = assertThrows(FaceSearchException.class, () -> CallDeadline.within(
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60), () -> gate.analyze(new byte[] {1}, AnalysisOptions.DEFAULT)));
            assertEquals(FaceSearchException.Kind.RESOURCE_EXHAUSTED, refused.kind());
            // Not the refusal after a wait ("busy"): the one that says the deadline cannot be met.
            assertTrue(refused.getMessage().contains("cannot answer within this call's deadline"), refused.getMessage());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000, "not after the 5 s wait");
            held.countDown();
            holder.join(5000);
            // A free slot takes a caller with a deadline as before.
            assertEquals(0, CallDeadline.within(System.nanoTime() + TimeUnit.SECONDS.toNanos(5),
                    () -> gate.analyze(new byte[] {1}, AnalysisOptions.DEFAULT)).faces().size());
        }
    }

    @Test
    void mapsImageRefusalsAndMissingPipeline() {
        try (PipelineGate gate = new PipelineGate(new BlockingPipeline(), 1, 50)) {
            assertEquals(FaceSearchException.Kind.RESOURCE_EXHAUSTED,
                    assertThrows(FaceSearchException.class, () -> gate.analyze(new byte[] {0}, AnalysisOptions.DEFAULT)).kind());
            assertEquals(FaceSearchException.Kind.INVALID_ARGUMENT,
                    assertThrows(FaceSearchException.class, () -> gate.analyze(new byte[0], AnalysisOptions.DEFAULT)).kind());
        }
        try (PipelineGate none = new PipelineGate(null, 1, 50)) {
            assertEquals(FaceSearchException.Kind.FAILED_PRECONDITION,
                    assertThrows(FaceSearchException.class, () -> none.analyze(new byte[] {1}, AnalysisOptions.DEFAULT)).kind());
        }
    }
}
