package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.server.testing.AdminKey;
import io.facesearch.server.testing.ChildServer;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the server in a child JVM, streams enrolments, kills it with SIGKILL midway, restarts it
 * and retries every item: each acknowledged face must be there, with the id it was acknowledged
 * with, searchable, and nothing may be stored twice.
 */
class CrashRecoveryIT {
    private static final SyntheticFaces FACES = new SyntheticFaces(99, 128);
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    /**
     * Far more than the server acknowledges in the moment a kill takes: acknowledgements keep coming
     * while the process dies (at ~25k faces/s on an idle machine, a few thousand), and the kill must
     * still land midway.
     */
    private static final int ITEMS = 20_000;
    private static final int KILL_AFTER = 1200;

    @TempDir
    Path dataDir;

    /** A server in a child JVM and a channel to it. */
    private record Child(Process process, ManagedChannel channel) {
        void kill() throws InterruptedException {
            channel.shutdownNow();
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Child startChild() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ChildServer.class.getName(), "--data", dataDir.toString(), "--host", "127.0.0.1", "--port", "0",
                "--metrics-port", "-1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                // Keep draining the child's output so it never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
                drain.setDaemon(true);
                drain.start();
                return new Child(process, NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                        .intercept(AdminKey.of(dataDir)).build());
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the child server did not start:\n" + seen);
    }

    private static EnrollRequest item(int i) {
        return EnrollRequest.newBuilder().setCollection("c").setSubjectId(SyntheticFaces.subject(i / 4))
                .setEmbedding(ServerTestBase.embedding(FACES.sample(i / 4, i % 4))).setRequestId("item-" + i).build();
    }

    /**
     * Streams every item, honouring flow control; records each acknowledged face id by request id.
     * With {@code killAfter} > 0, kills the child once that many items are acknowledged.
     */
    private static void stream(Child child, Map<String, String> acknowledged, int killAfter) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ClientResponseObserver<EnrollRequest, EnrollAck> observer = new ClientResponseObserver<>() {
            int next;

            @Override
            public void beforeStart(ClientCallStreamObserver<EnrollRequest> requests) {
                requests.setOnReadyHandler(() -> {
                    while (requests.isReady() && next < ITEMS) {
                        requests.onNext(item(next++));
                    }
                    if (next == ITEMS) {
                        next++;
                        requests.onCompleted();
                    }
                });
            }

            @Override
            public void onNext(EnrollAck ack) {
                // Assertions fail on this gRPC thread unseen; collect the problems for the test thread.
                if (!ack.hasResponse() || ack.getResponse().getFacesCount() != 1) {
                    problems.add("unexpected acknowledgement " + ack);
                    return;
                }
                String faceId = ack.getResponse().getFaces(0).getFaceId();
                String earlier = acknowledged.putIfAbsent(ack.getRequestId(), faceId);
                if (earlier != null && !earlier.equals(faceId)) {
                    problems.add(ack.getRequestId() + " was enrolled twice: " + earlier + " then " + faceId);
                }
                if (killAfter > 0 && acknowledged.size() == killAfter) {
                    child.process().destroyForcibly();
                }
            }

            @Override
            public void onError(Throwable t) {
                finished.countDown();
            }

            @Override
            public void onCompleted() {
                finished.countDown();
            }
        };
        EnrollmentServiceGrpc.newStub(child.channel()).enrollStream(observer);
        assertTrue(finished.await(120, TimeUnit.SECONDS), "stream did not end");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyAcknowledgedFaceSurvivesAKillAndRetriesNeverDuplicate() throws Exception {
        Child first = startChild();
        CollectionServiceGrpc.newBlockingStub(first.channel()).createCollection(
                CreateCollectionRequest.newBuilder().setName("c").setModelId("synthetic@1").build());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        stream(first, acknowledged, KILL_AFTER);
        first.kill();
        int acknowledgedBeforeKill = acknowledged.size();
        assertTrue(acknowledgedBeforeKill >= KILL_AFTER && acknowledgedBeforeKill < ITEMS,
                "the kill happened midway: " + acknowledgedBeforeKill + " of " + ITEMS);
        Map<String, String> beforeKill = Map.copyOf(acknowledged);

        Child second = startChild();
        try {
            long stored = CollectionServiceGrpc.newBlockingStub(second.channel())
                    .describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getFaceCount();
            assertTrue(stored >= acknowledgedBeforeKill, "every acknowledged face is durable: " + stored + " < " + acknowledgedBeforeKill);

            // The client retries everything; stream() checks replays return the first face id.
            stream(second, acknowledged, 0);
            assertEquals(ITEMS, acknowledged.size());
            beforeKill.forEach((request, face) -> assertEquals(face, acknowledged.get(request)));
            assertEquals(ITEMS, CollectionServiceGrpc.newBlockingStub(second.channel())
                    .describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getFaceCount(),
                    "no item was stored twice");

            SearchServiceGrpc.SearchServiceBlockingStub search = SearchServiceGrpc.newBlockingStub(second.channel());
            Thread.sleep(500);
            for (int i = 0; i < KILL_AFTER; i += 97) {
                FaceMatches m = search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("c")
                        .setEmbedding(ServerTestBase.embedding(FACES.sample(i / 4, i % 4)))
                        .setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(1)).build());
                assertEquals(beforeKill.get("item-" + i), m.getMatches(0).getFaceId(), "acknowledged face is searchable");
            }
        } finally {
            second.kill();
        }
    }
}
