package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.Metric;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.testing.AdminKey;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on an in-process transport: no socket, the same services, real generated stubs. */
class InProcessApiTest {
    private static final SyntheticFaces FACES = new SyntheticFaces(5, 128);

    @TempDir
    Path dataDir;

    @Test
    void servesTheApiInProcess() throws Exception {
        String name = InProcessServerBuilder.generateName();
        FaceSearchServer server = new FaceSearchServer(ServerConfig.forTests(dataDir), observer -> null,
                InProcessServerBuilder.forName(name)).start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).intercept(AdminKey.of(dataDir)).build();
        try {
            assertEquals(-1, server.port(), "no socket");
            CollectionServiceGrpc.newBlockingStub(channel).createCollection(CreateCollectionRequest.newBuilder().setName("c")
                    .setMetric(Metric.EUCLIDEAN).setModelId("synthetic@1").build());
            EnrollmentServiceGrpc.EnrollmentServiceBlockingStub enrollment = EnrollmentServiceGrpc.newBlockingStub(channel);
            for (int i = 0; i < 5; i++) {
                EnrollResponse enrolled = enrollment.enroll(EnrollRequest.newBuilder().setCollection("c")
                        .setSubjectId(SyntheticFaces.subject(i)).setEmbedding(ServerTestBase.embedding(FACES.sample(i, 0))).build());
                assertEquals(1, enrolled.getFacesCount());
            }
            assertEquals(5, CollectionServiceGrpc.newBlockingStub(channel).describeCollection(
                    DescribeCollectionRequest.newBuilder().setName("c").build()).getFaceCount());
            FaceMatches matches = SearchServiceGrpc.newBlockingStub(channel).searchByEmbedding(SearchByEmbeddingRequest.newBuilder()
                    .setCollection("c").setEmbedding(ServerTestBase.embedding(FACES.sample(3, 1)))
                    .setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(1).setExact(true)).build());
            assertTrue(matches.getMatchesCount() == 1, matches.toString());
            assertEquals(SyntheticFaces.subject(3), matches.getMatches(0).getSubjectId());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.stop();
        }
    }
}
