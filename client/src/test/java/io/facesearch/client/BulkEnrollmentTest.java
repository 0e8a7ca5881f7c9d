package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.TestServer;
import io.facesearch.client.testing.Vectors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming bulk enrolment: throughput with bounded memory, per-item results, and a stream that fails. */
class BulkEnrollmentTest {
    @TempDir
    Path dataDir;
    TestServer server;
    FaceSearchClient client;

    @BeforeEach
    void start() {
        server = TestServer.withoutPipeline(dataDir);
        client = server.client();
        client.createCollection(CollectionSpec.named("people").withModelId("synthetic@1"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    static Enrollment item(int identity, int sample) {
        return Enrollment.of("people", "person-" + identity, Vectors.sample(identity, sample)).withRequestId(identity + "/" + sample);
    }

    @Test
    void enrolsEveryItemWithNoMoreThanTheLimitInFlight() throws InterruptedException {
        Map<String, BulkEnrollment.ItemResult> results = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        int maxInFlight = 16;
        int seen = 0;
        BulkEnrollment.Summary summary;
        try (BulkEnrollment bulk = client.bulkEnroll(maxInFlight, r -> {
            if (results.put(r.requestId(), r) != null) {
                duplicates.incrementAndGet();
            }
        })) {
            for (int i = 0; i < 300; i++) {
                for (int s = 0; s < 5; s++) {
                    assertEquals(i + "/" + s, bulk.submit(item(i, s)));
                    seen = Math.max(seen, bulk.inFlight());
                }
            }
            summary = bulk.awaitCompletion();
        }
        assertEquals(new BulkEnrollment.Summary(1500, 1500, 0), summary);
        assertEquals(1500, results.size());
        assertEquals(0, duplicates.get(), "one result per item");
        assertTrue(seen <= maxInFlight, "in flight at most " + maxInFlight + ", saw " + seen);
        assertTrue(results.values().stream().allMatch(r -> r.succeeded() && r.result().enrolled()));
        assertEquals(1500, client.describeCollection("people").faceCount());
        assertEquals(300, client.describeCollection("people").subjectCount());
    }

    @Test
    void aRefusedItemGetsItsErrorAndTheStreamGoesOn() throws InterruptedException {
        Map<String, BulkEnrollment.ItemResult> results = new ConcurrentHashMap<>();
        try (BulkEnrollment bulk = client.bulkEnroll(r -> results.put(r.requestId(), r))) {
            bulk.submit(item(1, 0));
            bulk.submit(Enrollment.of("people", "short", new float[] {1, 2, 3}).withRequestId("short"));
            bulk.submit(Enrollment.of("nowhere", "lost", Vectors.sample(2, 0)).withRequestId("nowhere"));
            String chosen = bulk.submit(Enrollment.of("people", "person-3", Vectors.sample(3, 0)));
            assertNotNull(chosen, "a request id is chosen when none is given");
            assertEquals(new BulkEnrollment.Summary(4, 2, 2), bulk.awaitCompletion());
            assertTrue(results.get(chosen).succeeded());
        }
        assertTrue(results.get("1/0").succeeded());
        assertEquals(StatusCode.INVALID_ARGUMENT, results.get("short").error().code());
        assertFalse(results.get("short").error().serverMessage().isBlank());
        assertEquals(StatusCode.NOT_FOUND, results.get("nowhere").error().code());
        assertEquals("lost", results.get("nowhere").item().subjectId());
    }

    @Test
    void resubmittingWithTheSameRequestIdsEnrolsNothingTwice() throws InterruptedException {
        for (int round = 0; round < 2; round++) {
            List<BulkEnrollment.ItemResult> results = new CopyOnWriteArrayList<>();
            try (BulkEnrollment bulk = client.bulkEnroll(results::add)) {
                for (int i = 0; i < 20; i++) {
                    bulk.submit(item(i, 0));
                }
            }
            boolean replay = round == 1;
            assertTrue(results.stream().allMatch(r -> r.result().replayed() == replay), "round " + round);
        }
        assertEquals(20, client.describeCollection("people").faceCount());
    }

    @Test
    void noItemCanFollowFinish() throws InterruptedException {
        BulkEnrollment bulk = client.bulkEnroll(r -> { });
        bulk.submit(item(1, 0));
        bulk.finish();
        assertThrows(IllegalStateException.class, () -> bulk.submit(item(1, 1)));
        assertEquals(1, bulk.awaitCompletion().succeeded());
    }

    @Test
    void cancellingReportsEveryUnacknowledgedItem() throws Exception {
        List<BulkEnrollment.ItemResult> results = new CopyOnWriteArrayList<>();
        BulkEnrollment bulk = client.bulkEnroll(256, results::add);
        for (int i = 0; i < 200; i++) {
            bulk.submit(item(i, 0));
        }
        bulk.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> bulk.completion().get(10, TimeUnit.SECONDS));
        assertEquals(StatusCode.CANCELLED, ((FaceSearchException) e.getCause()).code());
        assertEquals(200, results.size(), "every item has its one result");
        assertTrue(results.stream().filter(r -> !r.succeeded()).allMatch(r -> r.error().code() == StatusCode.CANCELLED));
        assertEquals(StatusCode.CANCELLED, assertThrows(FaceSearchException.class, () -> bulk.submit(item(500, 0))).code());
    }

    @Test
    void aListenerThatThrowsEndsTheStream() throws InterruptedException {
        BulkEnrollment bulk = client.bulkEnroll(r -> {
            throw new IllegalStateException("listener bug");
        });
        bulk.submit(item(1, 0));
        ExecutionException e = assertThrows(ExecutionException.class, () -> bulk.completion().get(10, TimeUnit.SECONDS));
        assertEquals(StatusCode.CANCELLED, ((FaceSearchException) e.getCause()).code());
        assertTrue(e.getCause().getMessage().contains("listener"), e.getCause().getMessage());
    }

    @Test
    void anUnreachableServerFailsTheFirstSubmit() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FaceSearchClient nowhere = FaceSearchClient.builder().target("127.0.0.1:" + port).build()) {
            BulkEnrollment bulk = nowhere.bulkEnroll(r -> { });
            FaceSearchException e = assertThrows(FaceSearchException.class, () -> bulk.submit(item(1, 0)));
            assertTrue(e.isUnavailable(), e.toString());
            assertThrows(FaceSearchException.class, bulk::close);
        }
    }

    @Test
    void aServerThatGoesAwayMidStreamFailsTheStreamWithoutHanging(@TempDir Path otherDir) throws Exception {
        TestServer doomed = TestServer.withoutPipeline(otherDir);
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try (FaceSearchClient c = doomed.client()) {
            c.createCollection(CollectionSpec.named("people").withModelId("synthetic@1"));
            List<BulkEnrollment.ItemResult> results = new CopyOnWriteArrayList<>();
            CountDownLatch someAcknowledged = new CountDownLatch(200);
            BulkEnrollment bulk = c.bulkEnroll(32, r -> {
                results.add(r);
                someAcknowledged.countDown();
            });
            AtomicInteger submitted = new AtomicInteger();
            Future<FaceSearchException> sending = sender.submit(() -> {
                try {
                    for (int i = 0; i < 1_000_000; i++) {
                        bulk.submit(item(i, 0));
                        submitted.incrementAndGet();
                    }
                    return null;
                } catch (FaceSearchException e) {
                    return e;
                }
            });
            assertTrue(someAcknowledged.await(30, TimeUnit.SECONDS), "the stream got going");
            doomed.stop();

            FaceSearchException failure = sending.get(30, TimeUnit.SECONDS);
            assertNotNull(failure, "submit fails once the server is gone");
            assertTrue(failure.isUnavailable() || failure.code() == StatusCode.CANCELLED, failure.toString());
            ExecutionException ended = assertThrows(ExecutionException.class, () -> bulk.completion().get(10, TimeUnit.SECONDS));
            assertEquals(failure.code(), ((FaceSearchException) ended.getCause()).code());
            // An item in flight when the server went away is reported failed; a graceful stop may
            // acknowledge everything it received first, so there need not be any.
            assertEquals(submitted.get(), results.size(), "every item sent has exactly one result");
            for (BulkEnrollment.ItemResult r : results) {
                if (!r.succeeded()) {
                    assertTrue(r.error().isUnavailable() || r.error().code() == StatusCode.CANCELLED, r.error().toString());
                }
            }
            assertTrue(results.stream().filter(BulkEnrollment.ItemResult::succeeded).count() >= 200, "acknowledged before the stop");
            assertEquals(0, bulk.inFlight());
            assertThrows(FaceSearchException.class, bulk::awaitCompletion);
        } finally {
            sender.shutdownNow();
            doomed.stop();
        }
    }
}
