package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectionServiceGrpc;
import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.server.config.ServerConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Under overload, over a real socket: a call whose deadline the queue ahead cannot meet is refused
 * at once with RESOURCE_EXHAUSTED, not left to wait for a slot until its deadline. The pipeline here
 * takes 200 ms an image and finds nothing, so the timings are the test's, not a model's.
 */
class OverloadApiTest extends ServerTestBase {
    static final long ANALYSIS_MS = 200;

    @Override
    ServerConfig config() {
        return ServerConfig.load(null, Map.of(), Map.of("data", dataDir.toString(), "host", "127.0.0.1", "port", "0",
                "metrics.port", "-1", "pipeline.concurrency", "1", "pipeline.wait.ms", "5000"));
    }

    @Override
    Supplier<FacePipeline> pipeline() {
        return () -> new FacePipeline() {
            @Override
            public AnalyzedImage analyze(byte[] encodedImage, AnalysisOptions options) throws InvalidImageException {
                try {
                    Thread.sleep(ANALYSIS_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new AnalyzedImage(1, 1, List.of());
            }

            @Override
            public String modelId() {
                return "slow@1";
            }

            @Override
            public int embeddingDimension() {
                return 128;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aCallWhoseDeadlineTheQueueCannotMeetIsRefusedAtOnce() throws Exception {
        DetectionServiceGrpc.DetectionServiceBlockingStub detection = DetectionServiceGrpc.newBlockingStub(channel);
        DetectRequest request = DetectRequest.newBuilder().setImage(ByteString.copyFromUtf8("image")).build();
        detection.detect(request); // the gate learns how long an analysis takes
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> queue = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                queue.add(clients.submit(() -> detection.withDeadlineAfter(30, TimeUnit.SECONDS).detect(request)));
            }
            Thread.sleep(ANALYSIS_MS / 2); // one runs, three wait
            long start = System.nanoTime();
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> detection.withDeadlineAfter(500, TimeUnit.MILLISECONDS).detect(request));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode(), refused.getStatus().toString());
            assertTrue(refused.getStatus().getDescription().contains("deadline"), refused.getStatus().getDescription());
            assertTrue(tookMs < 250, "refused at once, not at the deadline: " + tookMs + " ms");
            for (Future<?> f : queue) {
                f.get(10, TimeUnit.SECONDS); // the queue is served
            }
            // With the queue gone, the same deadline is met.
            detection.withDeadlineAfter(2, TimeUnit.SECONDS).detect(request);
        } finally {
            clients.shutdownNow();
        }
    }
}
