package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.Collection;
import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.Embedding;
import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.IndexFormat;
import io.facesearch.api.v1.Metric;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.api.v1.VerificationServiceGrpc;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.testing.AdminKey;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real server (RocksDB and Lucene in a temporary folder, gRPC over a localhost socket on
 * a free port) and gives tests real generated stubs. Runs without a face pipeline: these tests
 * enrol precomputed embeddings. Authentication is on, as in production: the stubs send the
 * bootstrap admin key the server wrote to {@code <data>/admin.key}.
 */
abstract class ServerTestBase {
    static final SyntheticFaces FACES = new SyntheticFaces(2024, 128);

    @TempDir
    Path dataDir;
    FaceSearchServer server;
    ManagedChannel channel;
    CollectionServiceGrpc.CollectionServiceBlockingStub collections;
    EnrollmentServiceGrpc.EnrollmentServiceBlockingStub enrollment;
    EnrollmentServiceGrpc.EnrollmentServiceStub enrollmentAsync;
    SearchServiceGrpc.SearchServiceBlockingStub search;
    VerificationServiceGrpc.VerificationServiceBlockingStub verification;
    FaceServiceGrpc.FaceServiceBlockingStub faces;

    ServerConfig config() {
        return ServerConfig.forTests(dataDir);
    }

    Supplier<FacePipeline> pipeline() {
        return () -> null;
    }

    @BeforeEach
    void startServer() throws IOException {
        startServer(config());
    }

    void startServer(ServerConfig config) throws IOException {
        server = new FaceSearchServer(config, pipeline()).start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .intercept(AdminKey.of(config.dataDir())).maxInboundMessageSize(64 * 1024 * 1024).build();
        collections = CollectionServiceGrpc.newBlockingStub(channel);
        enrollment = EnrollmentServiceGrpc.newBlockingStub(channel);
        enrollmentAsync = EnrollmentServiceGrpc.newStub(channel);
        search = SearchServiceGrpc.newBlockingStub(channel);
        verification = VerificationServiceGrpc.newBlockingStub(channel);
        faces = FaceServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop();
    }

    void restartServer() throws IOException, InterruptedException {
        stopServer();
        startServer(config());
    }

    Collection createCollection(String name) {
        return createCollection(name, Metric.EUCLIDEAN, IndexFormat.HNSW_FLOAT32);
    }

    Collection createCollection(String name, Metric metric, IndexFormat format) {
        return collections.createCollection(CreateCollectionRequest.newBuilder().setName(name).setMetric(metric)
                .setIndexFormat(format).setModelId("synthetic@1").build());
    }

    static Embedding embedding(float[] values) {
        Embedding.Builder b = Embedding.newBuilder();
        for (float v : values) {
            b.addValues(v);
        }
        return b.build();
    }

    static EnrollRequest enrollRequest(String collection, int identity, int sample) {
        return EnrollRequest.newBuilder().setCollection(collection).setSubjectId(SyntheticFaces.subject(identity))
                .setEmbedding(embedding(FACES.sample(identity, sample))).setRequestId(identity + "/" + sample)
                .putMetadata("sample", Integer.toString(sample)).build();
    }

    /** Enrols identities x samples faces over one EnrollStream and returns every acknowledgement. */
    List<EnrollAck> enrollAll(String collection, int identities, int samples) throws InterruptedException {
        List<EnrollRequest> requests = new ArrayList<>();
        for (int i = 0; i < identities; i++) {
            for (int s = 0; s < samples; s++) {
                requests.add(enrollRequest(collection, i, s));
            }
        }
        return stream(requests);
    }

    List<EnrollAck> stream(List<EnrollRequest> requests) throws InterruptedException {
        List<EnrollAck> acks = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        StreamObserver<EnrollRequest> out = enrollmentAsync.enrollStream(new StreamObserver<>() {
            @Override
            public void onNext(EnrollAck ack) {
                acks.add(ack);
            }

            @Override
            public void onError(Throwable t) {
                failure[0] = t;
                done.countDown();
            }

            @Override
            public void onCompleted() {
                done.countDown();
            }
        });
        for (EnrollRequest r : requests) {
            out.onNext(r);
        }
        out.onCompleted();
        assertTrue(done.await(120, TimeUnit.SECONDS), "stream did not finish");
        if (failure[0] != null) {
            throw new AssertionError("stream failed", failure[0]);
        }
        assertEquals(requests.size(), acks.size());
        return acks;
    }

    FaceMatches searchEmbedding(String collection, float[] query, int k, boolean exact) {
        return searchEmbedding(collection, query, k, exact, 0);
    }

    /** @param threshold 0 for the collection's; larger to see neighbours beyond the decision threshold */
    FaceMatches searchEmbedding(String collection, float[] query, int k, boolean exact, float threshold) {
        return search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection(collection).setEmbedding(embedding(query))
                .setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(k).setExact(exact).setThreshold(threshold)).build());
    }

    /** Polls until a face enrolled moments ago is searchable: the index refreshes every 500 ms. */
    FaceMatches awaitTopMatch(String collection, float[] query, String subject) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        FaceMatches matches;
        do {
            matches = searchEmbedding(collection, query, 5, false);
            if (!matches.getUnknown() && matches.getMatches(0).getSubjectId().equals(subject)) {
                return matches;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no match for " + subject + " within 5 s: " + matches);
    }

    static void assertStatus(Status.Code code, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().getDescription());
        assertTrue(e.getStatus().getDescription() != null && !e.getStatus().getDescription().isBlank(), "status has a message");
    }

    static Map<String, String> metadata(String key, String value) {
        return Map.of(key, value);
    }
}
