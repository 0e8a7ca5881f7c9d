package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateKeyRequest;
import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.KeyServiceGrpc;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.testing.AdminKey;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The limits over a real socket: message size per stream item, the rate per caller, connections. */
class LimitsApiTest extends ServerTestBase {

    private void restartWith(Map<String, String> settings) throws IOException, InterruptedException {
        stopServer();
        Map<String, String> flags = new HashMap<>(Map.of("data", dataDir.toString(), "host", "127.0.0.1", "port", "0", "metrics.port", "-1"));
        flags.putAll(settings);
        startServer(ServerConfig.load(null, Map.of(), flags));
    }

    private static EnrollRequest withImageBytes(EnrollRequest request, int bytes) {
        return request.toBuilder().clearEmbedding().setImage(ByteString.copyFrom(new byte[bytes])).build();
    }

    @Test
    void anOversizedStreamItemIsRefusedOnItsOwnAckAndTheStreamGoesOn() throws Exception {
        restartWith(Map.of("max.message.bytes", "65536"));
        createCollection("c");
        // Before, the transport's limit ended the whole stream (CANCELLED) and the first item's ack was lost.
        List<EnrollAck> acks = stream(List.of(enrollRequest("c", 1, 1), withImageBytes(enrollRequest("c", 2, 1), 100_000),
                enrollRequest("c", 3, 1)));
        assertTrue(acks.get(0).hasResponse(), acks.get(0).toString());
        assertEquals(Status.Code.RESOURCE_EXHAUSTED.value(), acks.get(1).getError().getCode(), acks.get(1).toString());
        assertEquals("2/1", acks.get(1).getRequestId());
        assertTrue(acks.get(1).getError().getMessage().contains("max.message.bytes"), acks.get(1).getError().getMessage());
        assertTrue(acks.get(2).hasResponse(), acks.get(2).toString());
        assertEquals(2, faces.listFaces(ListFacesRequest.newBuilder().setCollection("c").build()).getFacesCount());
        // A unary call over the limit is refused as before, saying the limit.
        StatusRuntimeException unary = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> enrollment.enroll(withImageBytes(enrollRequest("c", 4, 1), 100_000)));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, unary.getStatus().getCode());
        assertTrue(unary.getStatus().getDescription().contains("65536"), unary.getStatus().getDescription());
        // Beyond twice the limit the transport itself ends the stream, with RESOURCE_EXHAUSTED, and logs no stack trace.
        List<java.util.logging.LogRecord> traces = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getThrown() != null) {
                    traces.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger grpcLog = java.util.logging.Logger.getLogger("io.grpc");
        grpcLog.addHandler(capture);
        CompletableFuture<Status> ended = new CompletableFuture<>();
        StreamObserver<EnrollRequest> out = enrollmentAsync.enrollStream(new StreamObserver<>() {
            @Override
            public void onNext(EnrollAck ack) {
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                ended.complete(Status.OK);
            }
        });
        out.onNext(withImageBytes(enrollRequest("c", 5, 1), 200_000));
        out.onCompleted();
        try {
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, ended.get(10, TimeUnit.SECONDS).getCode());
            Thread.sleep(200);
        } finally {
            grpcLog.removeHandler(capture);
        }
        assertTrue(traces.isEmpty(), "a caller's oversized message is not logged with a stack trace: "
                + traces.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }

    @Test
    void aCallerBeyondItsRateIsRefusedSayingTheLimitAndOthersAreNot() throws Exception {
        restartWith(Map.of("limits.rate.per.second", "5", "limits.rate.burst", "10"));
        // A second caller with a key of its own, made before the first one spends its burst.
        String otherKey = KeyServiceGrpc.newBlockingStub(channel).createKey(CreateKeyRequest.newBuilder().setName("other")
                .addScopes("search:*").build()).getSecret();
        Thread.sleep(400);
        int served = 0;
        StatusRuntimeException refusal = null;
        for (int i = 0; i < 40 && refusal == null; i++) {
            try {
                collections.listCollections(ListCollectionsRequest.getDefaultInstance());
                served++;
            } catch (StatusRuntimeException e) {
                refusal = e;
            }
        }
        assertTrue(refusal != null, "40 calls at once against a burst of 10 are refused at some point");
        assertTrue(served >= 10 && served < 20, "the burst is served, then refused: " + served);
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refusal.getStatus().getCode());
        assertTrue(refusal.getStatus().getDescription().contains("at most 5 calls per second"), refusal.getStatus().getDescription());
        // Another caller (another bearer token) has its own bucket; health checks are never limited.
        ManagedChannel otherChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .intercept(AdminKey.bearer(otherKey)).build();
        try {
            CollectionServiceGrpc.CollectionServiceBlockingStub other = CollectionServiceGrpc.newBlockingStub(otherChannel);
            for (int i = 0; i < 5; i++) {
                other.listCollections(ListCollectionsRequest.getDefaultInstance());
            }
        } finally {
            otherChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 30; i++) {
            HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        }
        // The bucket refills at 5 per second.
        Thread.sleep(1000);
        collections.listCollections(ListCollectionsRequest.getDefaultInstance());
    }

    @Test
    void connectionsBeyondTheCapAreClosedAsTheyArrive() throws Exception {
        restartWith(Map.of("limits.connections", "3"));
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(connect());
            }
            for (Socket s : held) {
                assertTrue(isOpen(s), "within the cap");
            }
            try (Socket beyond = connect()) {
                assertTrue(!isOpen(beyond), "the fourth connection is closed at once");
            }
            String metrics = server.meters().scrape();
            assertTrue(metrics.contains("facesearch_connections_refused_total 1.0"), metrics);
            assertTrue(metrics.contains("facesearch_connections_open 3.0"), metrics);
            // A gRPC client beyond the cap sees UNAVAILABLE; once a connection goes, it gets in.
            ManagedChannel extra = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                    .intercept(AdminKey.of(dataDir)).build();
            try {
                StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                        () -> CollectionServiceGrpc.newBlockingStub(extra).withDeadlineAfter(5, TimeUnit.SECONDS)
                                .listCollections(ListCollectionsRequest.getDefaultInstance()));
                assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
                held.removeFirst().close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (true) {
                    try {
                        CollectionServiceGrpc.newBlockingStub(extra).withWaitForReady().withDeadlineAfter(2, TimeUnit.SECONDS)
                                .listCollections(ListCollectionsRequest.getDefaultInstance());
                        break;
                    } catch (StatusRuntimeException retry) {
                        assertTrue(System.nanoTime() < deadline, "a freed place is taken: " + retry.getStatus());
                    }
                }
            } finally {
                extra.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aConnectionThatNeverSpeaksIsClosedAfterTheHandshakeTimeout() throws Exception {
        restartWith(Map.of("limits.handshake.ms", "500"));
        try (Socket silent = connect()) {
            silent.setSoTimeout(5000);
            long start = System.nanoTime();
            InputStream in = silent.getInputStream();
            try {
                while (in.read() >= 0) {
                    // the server's settings frame, then the close
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a silent connection was still open after 5 s", e);
            } catch (IOException reset) {
                // closed by the server
            }
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 4000);
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        restartWith(Map.of("limits.connection.idle.ms", "300"));
        collections.listCollections(ListCollectionsRequest.getDefaultInstance());
        assertEquals(io.grpc.ConnectivityState.READY, channel.getState(false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (channel.getState(false) == io.grpc.ConnectivityState.READY) {
            assertTrue(System.nanoTime() < deadline, "the idle connection was not closed within 5 s");
            Thread.sleep(50);
        }
        // The client reconnects for its next call.
        collections.listCollections(ListCollectionsRequest.getDefaultInstance());
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(500);
        return s;
    }

    /** Open: nothing to read within the timeout. Closed: end of stream or reset. */
    private static boolean isOpen(Socket s) {
        try {
            return s.getInputStream().read() >= 0 || false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
