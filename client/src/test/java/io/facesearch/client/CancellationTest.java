package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.ScriptedServer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A call nobody waits for any more is cancelled on the server too. */
class CancellationTest {

    @Test
    void cancellingAFutureCancelsTheCall() throws Exception {
        try (ScriptedServer server = ScriptedServer.plaintext();
                FaceSearchClient client = FaceSearchClient.builder().target("127.0.0.1:" + server.port()).build()) {
            CompletableFuture<Collection> call = client.async().describeCollection("hang");
            Thread.sleep(200);
            assertTrue(call.cancel(true));
            assertThrows(CancellationException.class, call::join);
            assertTrue(server.awaitCancellation(10), "the server saw the cancellation");
        }
    }

    @Test
    void interruptingABlockingCallCancelsIt() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (ScriptedServer server = ScriptedServer.plaintext();
                FaceSearchClient client = FaceSearchClient.builder().target("127.0.0.1:" + server.port()).build()) {
            Future<FaceSearchException> waiting = caller.submit(() -> {
                try {
                    client.describeCollection("hang");
                    return null;
                } catch (FaceSearchException e) {
                    return e;
                }
            });
            Thread.sleep(200);
            caller.shutdownNow();
            FaceSearchException e = waiting.get(10, TimeUnit.SECONDS);
            assertEquals(StatusCode.CANCELLED, e.code());
            assertTrue(server.awaitCancellation(10), "the server saw the cancellation");
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void theDeadlineEndsACallTheServerNeverAnswers() throws Exception {
        try (ScriptedServer server = ScriptedServer.plaintext();
                FaceSearchClient client = FaceSearchClient.builder().target("127.0.0.1:" + server.port())
                        .deadline(Duration.ofMillis(300)).build()) {
            long start = System.nanoTime();
            FaceSearchException e = assertThrows(FaceSearchException.class, () -> client.describeCollection("hang"));
            assertEquals(StatusCode.DEADLINE_EXCEEDED, e.code());
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
            assertTrue(server.awaitCancellation(10));
        }
    }
}
