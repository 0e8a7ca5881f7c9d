package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, describing, listing and deleting collections, blocking and asynchronously. */
class CollectionCallsTest {
    @TempDir
    Path dataDir;
    TestServer server;
    FaceSearchClient client;

    @BeforeEach
    void start() {
        server = TestServer.withoutPipeline(dataDir);
        client = server.client();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    @Test
    void createsWithSettingsAndDescribes() {
        Collection created = client.createCollection(CollectionSpec.named("vectors").withMetric(Metric.COSINE)
                .withThreshold(0.2f).withIndexFormat(IndexFormat.HNSW_INT8).withModelId("synthetic@3").withEmbeddingDimension(64));
        assertEquals("vectors", created.name());
        assertEquals(Metric.COSINE, created.metric());
        assertEquals(0.2f, created.threshold(), 1e-6);
        assertEquals(IndexFormat.HNSW_INT8, created.indexFormat());
        assertEquals("synthetic@3", created.modelId());
        assertEquals("3", created.modelVersion());
        assertEquals(64, created.embeddingDimension());
        assertEquals(0, created.faceCount());
        assertTrue(created.createTime().isAfter(Instant.now().minusSeconds(60)));

        Collection described = client.describeCollection("vectors");
        assertEquals(created.name(), described.name());
        assertEquals(created.metric(), described.metric());
        assertEquals(created.embeddingDimension(), described.embeddingDimension());
    }

    @Test
    void defaultsAreTheServers() {
        Collection c = client.createCollection(CollectionSpec.named("plain").withModelId("synthetic@1"));
        assertEquals(Metric.EUCLIDEAN, c.metric());
        assertEquals(IndexFormat.HNSW_FLOAT32, c.indexFormat());
        assertEquals(0.6f, c.threshold(), 1e-6);
        assertEquals(128, c.embeddingDimension());
        assertEquals(0.01, c.targetFpir(), 1e-12);
        assertFalse(c.ownQuality());
        QualitySettings q = c.quality();
        for (Double threshold : new Double[] {q.minScore(), q.maxBoxToFace(), q.minFacePx(), q.minSharpness(), q.maxYaw(), q.maxPitch(),
            q.maxRoll()}) {
            assertNotNull(threshold, "every threshold is reported: " + q);
        }
        assertEquals(ThresholdSource.DISTANCE_THRESHOLD, c.calibration().source(), "no open-set calibration for this model");
        assertEquals(0, c.calibration().impostorSearches());
        assertNull(c.calibration().estimateTime());
    }

    @Test
    void keepsItsTargetRateAndItsOwnQualityThresholds() {
        Collection server = client.createCollection(CollectionSpec.named("server").withModelId("synthetic@1"));
        Collection c = client.createCollection(CollectionSpec.named("strict").withModelId("synthetic@1").withTargetFpir(0.001)
                .withQuality(QualitySettings.SERVER_DEFAULTS.withMinFacePx(80).withMaxYaw(30)));
        assertEquals(0.001, c.targetFpir(), 1e-12);
        assertTrue(c.ownQuality());
        assertEquals(80.0, c.quality().minFacePx());
        assertEquals(30.0, c.quality().maxYaw());
        assertEquals(server.quality().minSharpness(), c.quality().minSharpness(), "an unset threshold is the server's");
        assertEquals(server.quality().maxRoll(), c.quality().maxRoll());

        Collection described = client.describeCollection("strict");
        assertEquals(c.quality(), described.quality());
        assertEquals(c.targetFpir(), described.targetFpir());
        assertTrue(described.ownQuality());
    }

    @Test
    void listsByNameAndDeletes() {
        client.createCollection(CollectionSpec.named("b").withModelId("m@1"));
        client.createCollection(CollectionSpec.named("a").withModelId("m@1"));
        assertEquals(java.util.List.of("a", "b"), client.listCollections().stream().map(Collection::name).toList());
        assertEquals(0, client.deleteCollection("a"));
        assertEquals(java.util.List.of("b"), client.listCollections().stream().map(Collection::name).toList());
    }

    @Test
    void refusalsCarryTheStatusAndTheServersMessage() {
        client.createCollection(CollectionSpec.named("taken").withModelId("m@1"));
        FaceSearchException exists = assertThrows(FaceSearchException.class,
                () -> client.createCollection(CollectionSpec.named("taken").withModelId("m@1")));
        assertEquals(StatusCode.ALREADY_EXISTS, exists.code());
        assertFalse(exists.serverMessage().isBlank());

        FaceSearchException missing = assertThrows(FaceSearchException.class, () -> client.describeCollection("nope"));
        assertEquals(StatusCode.NOT_FOUND, missing.code());
        assertTrue(missing.serverMessage().contains("'nope'"), missing.serverMessage());
        assertTrue(missing.getMessage().startsWith("NOT_FOUND: "), missing.getMessage());
        assertFalse(missing.isUnavailable());

        assertEquals(StatusCode.NOT_FOUND, assertThrows(FaceSearchException.class, () -> client.deleteCollection("nope")).code());
        assertEquals(StatusCode.INVALID_ARGUMENT,
                assertThrows(FaceSearchException.class, () -> client.createCollection("no spaces allowed")).code());
    }

    @Test
    void blockingFailuresShowTheCallersStack() {
        FaceSearchException e = assertThrows(FaceSearchException.class, () -> client.describeCollection("nope"));
        assertTrue(java.util.Arrays.stream(e.getStackTrace()).anyMatch(s -> s.getClassName().equals(getClass().getName())),
                "the stack includes the test method");
    }

    @Test
    void asynchronousCallsCompleteWithValuesOrFaceSearchExceptions() throws Exception {
        AsyncFaceSearchClient async = client.async();
        Collection c = async.createCollection(CollectionSpec.named("async").withModelId("m@1")).get(10, TimeUnit.SECONDS);
        assertEquals("async", c.name());
        assertEquals("async", async.describeCollection("async").get(10, TimeUnit.SECONDS).name());
        assertEquals(1, async.listCollections().get(10, TimeUnit.SECONDS).size());

        CompletionException failed = assertThrows(CompletionException.class, () -> async.describeCollection("nope").join());
        FaceSearchException cause = (FaceSearchException) failed.getCause();
        assertEquals(StatusCode.NOT_FOUND, cause.code());

        assertEquals(0L, async.deleteCollection("async").get(10, TimeUnit.SECONDS));
    }
}
