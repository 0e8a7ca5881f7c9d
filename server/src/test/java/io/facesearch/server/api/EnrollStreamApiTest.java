package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.server.config.ServerConfig;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EnrollStreamApiTest extends ServerTestBase {
    private static final int WINDOW = 16;

    @Override
    ServerConfig config() {
        return ServerConfig.load(null, Map.of(), Map.of("data", dataDir.toString(), "host", "127.0.0.1", "port", "0",
                "metrics.port", "-1", "stream.window", Integer.toString(WINDOW)));
    }

    @Test
    void badItemsAreRefusedOneByOneAndTheStreamGoesOn() throws InterruptedException {
        createCollection("c");
        List<EnrollRequest> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            EnrollRequest good = enrollRequest("c", i, 0);
            items.add(switch (i % 50) {
                case 7 -> good.toBuilder().clearRequestId().build();
                case 13 -> good.toBuilder().setEmbedding(embedding(new float[3])).build();
                case 21 -> good.toBuilder().setCollection("missing").build();
                default -> good;
            });
        }
        List<EnrollAck> acks = stream(items);
        int errors = 0;
        for (EnrollAck ack : acks) {
            if (ack.hasError()) {
                errors++;
                assertTrue(ack.getError().getCode() == Status.Code.INVALID_ARGUMENT.value()
                        || ack.getError().getCode() == Status.Code.NOT_FOUND.value(), ack.toString());
                assertTrue(!ack.getError().getMessage().isEmpty());
            } else {
                assertEquals(1, ack.getResponse().getFacesCount());
            }
        }
        assertEquals(18, errors);
        assertEquals(282, collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getFaceCount());
    }

    @Test
    void aClientThatStopsReadingStopsBeingRead() throws InterruptedException {
        createCollection("c");
        int total = 6000;
        AtomicInteger received = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        ClientCallStreamObserver<EnrollRequest>[] call = new ClientCallStreamObserver[1];
        ClientResponseObserver<EnrollRequest, EnrollAck> responses = new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<EnrollRequest> requestStream) {
                call[0] = requestStream;
                // Read no acknowledgement until asked below.
                requestStream.disableAutoRequestWithInitial(0);
            }

            @Override
            public void onNext(EnrollAck ack) {
                assertTrue(ack.hasResponse(), ack.toString());
                received.incrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
                done.countDown();
            }

            @Override
            public void onCompleted() {
                done.countDown();
            }
        };
        // A small HTTP/2 window, so that unread acknowledgements soon fill it and the server sees it.
        io.grpc.ManagedChannel small = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                .usePlaintext().flowControlWindow(65_535).intercept(io.facesearch.server.testing.AdminKey.of(dataDir)).build();
        io.facesearch.api.v1.EnrollmentServiceGrpc.newStub(small).enrollStream(responses);
        for (int i = 0; i < total; i++) {
            // Ignores isReady on purpose: the client buffers, the server must not.
            call[0].onNext(enrollRequest("c", i, 0));
        }
        call[0].onCompleted();
        long stalled = waitForStableFaceCount();
        assertTrue(stalled < total, "the server kept reading although no acknowledgement was read: " + stalled);
        call[0].request(Integer.MAX_VALUE);
        assertTrue(done.await(60, TimeUnit.SECONDS));
        assertEquals(total, received.get());
        assertEquals(total, faceCount());
        small.shutdownNow();
    }

    private long faceCount() {
        return collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getFaceCount();
    }

    private long waitForStableFaceCount() throws InterruptedException {
        long previous = -1;
        long current = faceCount();
        while (current != previous) {
            Thread.sleep(500);
            previous = current;
            current = faceCount();
        }
        return current;
    }
}
