package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.testing.AdminKey;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails midway releases everything it opened: the data directory (RocksDB's lock,
 * the index writers and their feeder threads) is usable by another server started right after in
 * the same JVM, and the ports are free again.
 */
class ServerLifecycleTest {
    /** A collection whose feeder thread ("index-feeder-" + name) shows whether storage was released. */
    private static final String PROBE = "lifecycle-probe";

    @TempDir
    Path dataDir;

    @BeforeEach
    void aCollectionToReopen() throws Exception {
        FaceSearchServer first = new FaceSearchServer(config(Map.of()), () -> null).start();
        try {
            withChannel(first.port(), channel -> CollectionServiceGrpc.newBlockingStub(channel).createCollection(
                    CreateCollectionRequest.newBuilder().setName(PROBE).setModelId("synthetic@1").build()));
        } finally {
            first.stop();
        }
    }

    @Test
    void aStartFailingOnATakenPortLeavesTheDataDirectoryUsable() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            FaceSearchServer failing = new FaceSearchServer(config(Map.of("port", Integer.toString(port))), () -> null);
            assertThrows(IOException.class, failing::start);
            failing.stop();
        }
        assertReleased();
        assertStartsAndServes(Map.of("port", Integer.toString(port)));
    }

    @Test
    void aStartFailingOnATakenMetricsPortReleasesTheGrpcPortToo() throws Exception {
        int grpcPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = Map.of("port", Integer.toString(grpcPort), "metrics.port", Integer.toString(taken.getLocalPort()));
            assertThrows(IOException.class, new FaceSearchServer(config(settings), () -> null)::start);
        }
        assertReleased();
        assertStartsAndServes(Map.of("port", Integer.toString(grpcPort), "metrics.port", "0"));
    }

    @Test
    void aPipelineThatFailsToOpenReleasesTheStorage() throws Exception {
        Supplier<FacePipeline> broken = () -> {
            throw new IllegalStateException("no prepared model directory");
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, new FaceSearchServer(config(Map.of()), broken)::start);
        assertEquals("no prepared model directory", e.getMessage());
        assertReleased();
        assertStartsAndServes(Map.of());
    }

    @Test
    void anUnknownBackendFailsTheStartNamingTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                new FaceSearchServer(config(Map.of("backend", "solrcloud")), () -> null)::start);
        assertTrue(e.getMessage().contains("unknown storage backend 'solrcloud'"), e.getMessage());
        assertTrue(e.getMessage().contains("[embedded]"), e.getMessage());
    }

    private ServerConfig config(Map<String, String> overrides) {
        Map<String, String> flags = new HashMap<>(Map.of("data", dataDir.toString(), "host", "127.0.0.1", "port", "0", "metrics.port", "-1"));
        flags.putAll(overrides);
        return ServerConfig.load(null, Map.of(), flags);
    }

    private static void assertReleased() {
        boolean feeding = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("index-feeder-" + PROBE) && t.isAlive());
        assertFalse(feeding, "the failed start left its index feeder running");
    }

    /** Starts a server on the same data directory: the probe collection is there, and a new one can be created. */
    private void assertStartsAndServes(Map<String, String> overrides) throws Exception {
        FaceSearchServer server = new FaceSearchServer(config(overrides), () -> null).start();
        try {
            withChannel(server.port(), channel -> {
                CollectionServiceGrpc.CollectionServiceBlockingStub collections = CollectionServiceGrpc.newBlockingStub(channel);
                collections.createCollection(CreateCollectionRequest.newBuilder().setName("after").setModelId("synthetic@1").build());
                assertEquals(2, collections.listCollections(ListCollectionsRequest.getDefaultInstance()).getCollectionsCount());
                return null;
            });
        } finally {
            server.stop();
        }
    }

    private <T> T withChannel(int port, java.util.function.Function<ManagedChannel, T> call) throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().intercept(AdminKey.of(dataDir)).build();
        try {
            return call.apply(channel);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
