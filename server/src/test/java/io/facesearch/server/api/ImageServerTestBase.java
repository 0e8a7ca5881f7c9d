package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.ByteString;
import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectionServiceGrpc;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceRecord;
import io.facesearch.api.v1.FaceSelection;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.Metric;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.api.v1.VerificationServiceGrpc;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.StageObserver;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.testing.AdminKey;
import io.facesearch.testdata.SharedData;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Starts one real server per test class with the real face pipeline (found through ServiceLoader,
 * as {@code facesearch serve} finds it) on a localhost socket, with its data in a temporary
 * folder, and the Prometheus endpoint on a free port. Loading the networks takes seconds, so the
 * server is shared by the tests of a class; each test uses its own collections. Skipped when
 * {@code ../shared} (the photos) or the converted models are absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImageServerTestBase {
    /** Static: JUnit fills static temporary folders before {@code @BeforeAll}, instance ones only before each test. */
    @TempDir
    static Path dataDir;
    Path faces;
    FaceSearchServer server;
    ManagedChannel channel;
    CollectionServiceGrpc.CollectionServiceBlockingStub collections;
    EnrollmentServiceGrpc.EnrollmentServiceBlockingStub enrollment;
    SearchServiceGrpc.SearchServiceBlockingStub search;
    VerificationServiceGrpc.VerificationServiceBlockingStub verification;
    DetectionServiceGrpc.DetectionServiceBlockingStub detection;
    FaceServiceGrpc.FaceServiceBlockingStub catalog;

    @BeforeAll
    void startServer() throws IOException {
        faces = SharedData.faces();
        // The pipeline is opened once, before the server, to skip without models; its stage timings
        // go to whichever observer the server hands over when it starts.
        AtomicReference<StageObserver> serverMetrics = new AtomicReference<>(StageObserver.NONE);
        FacePipeline pipeline;
        try {
            pipeline = FaceSearchServer.discoverPipeline((stage, nanos) -> serverMetrics.get().stageCompleted(stage, nanos));
        } catch (RuntimeException e) {
            pipeline = null;
            assumeTrue(false, "the face models cannot be opened (" + e.getMessage() + "); skipping the image tests");
        }
        assumeTrue(pipeline != null, "no face pipeline on the class path; skipping the image tests");
        FacePipeline opened = pipeline;
        ServerConfig config = ServerConfig.load(null, Map.of(), Map.of("data", dataDir.toString(), "host", "127.0.0.1",
                "port", "0", "metrics.port", "0"));
        server = new FaceSearchServer(config, (StageObserver observer) -> {
            serverMetrics.set(observer);
            return opened;
        }).start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .intercept(AdminKey.of(dataDir)).maxInboundMessageSize(64 * 1024 * 1024).build();
        collections = CollectionServiceGrpc.newBlockingStub(channel);
        enrollment = EnrollmentServiceGrpc.newBlockingStub(channel);
        search = SearchServiceGrpc.newBlockingStub(channel);
        verification = VerificationServiceGrpc.newBlockingStub(channel);
        detection = DetectionServiceGrpc.newBlockingStub(channel);
        catalog = FaceServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    void stopServer() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.stop();
        }
    }

    /** A collection for the pipeline's embeddings: model and dimension default to the pipeline's. */
    void createCollection(String name) {
        collections.createCollection(CreateCollectionRequest.newBuilder().setName(name).setMetric(Metric.EUCLIDEAN).build());
    }

    static ByteString read(Path file) {
        try {
            return ByteString.copyFrom(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photos of one LFW person, in file-name order. */
    List<Path> lfwPhotos(String person) {
        try (Stream<Path> files = Files.list(faces.resolve("lfw").resolve(person))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EnrollResponse enrollImage(String collection, String subject, ByteString image, FaceSelection selection) {
        return enrollment.enroll(EnrollRequest.newBuilder().setCollection(collection).setSubjectId(subject)
                .setImage(image).setFaceSelection(selection).build());
    }

    /** The main face's embedding, as the server computes it. */
    List<Float> embeddingOf(ByteString image) {
        var response = detection.detect(DetectRequest.newBuilder().setImage(image).setEmbeddings(true).setMaxFaces(1).build());
        return response.getFacesCount() == 0 ? List.of() : response.getFaces(0).getEmbedding().getValuesList();
    }

    /** Waits until the index serves the given face: faces become searchable within the refresh period. */
    void awaitSearchable(String collection, String faceId) throws InterruptedException {
        FaceRecord face = catalog.getFace(GetFaceRequest.newBuilder().setCollection(collection).setFaceId(faceId).setIncludeEmbedding(true).build());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var matches = search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection(collection)
                    .setEmbedding(face.getEmbedding()).setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(1)).build());
            if (matches.getMatchesCount() > 0 && matches.getMatches(0).getFaceId().equals(faceId)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("face " + faceId + " was not searchable within 30 s");
    }

    static void assertStatus(Status.Code code, String messagePart, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().getDescription());
        String message = e.getStatus().getDescription();
        assertTrue(message != null && message.contains(messagePart), "status message names the problem: " + message);
    }
}
