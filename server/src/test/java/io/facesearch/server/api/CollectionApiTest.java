package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.Collection;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DeleteCollectionRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.IndexFormat;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.api.v1.Metric;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class CollectionApiTest extends ServerTestBase {

    @Test
    void createDescribeListDelete() throws InterruptedException {
        Collection created = collections.createCollection(CreateCollectionRequest.newBuilder().setName("staff")
                .setMetric(Metric.COSINE).setIndexFormat(IndexFormat.HNSW_INT8).setModelId("facenet@2.1").build());
        assertEquals("staff", created.getName());
        assertEquals(Metric.COSINE, created.getMetric());
        assertEquals(0.18f, created.getThreshold(), 1e-6, "the metric's default threshold");
        assertEquals(IndexFormat.HNSW_INT8, created.getIndexFormat());
        assertEquals("facenet@2.1", created.getModelId());
        assertEquals("2.1", created.getModelVersion());
        assertEquals(128, created.getEmbeddingDimension());
        assertTrue(created.getCreateTime().getSeconds() > 0);

        Collection defaults = collections.createCollection(CreateCollectionRequest.newBuilder().setName("visitors").build());
        assertEquals(Metric.EUCLIDEAN, defaults.getMetric());
        assertEquals(0.6f, defaults.getThreshold(), 1e-6);
        assertEquals(IndexFormat.HNSW_FLOAT32, defaults.getIndexFormat());
        assertEquals("unspecified", defaults.getModelId());

        enrollAll("staff", 3, 2);
        Collection described = collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("staff").build());
        assertEquals(6, described.getFaceCount());
        assertEquals(3, described.getSubjectCount());

        assertEquals(java.util.List.of("staff", "visitors"), collections.listCollections(ListCollectionsRequest.getDefaultInstance())
                .getCollectionsList().stream().map(Collection::getName).toList());
        assertEquals(6, collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("staff").build()).getDeletedFaces());
        assertEquals(1, collections.listCollections(ListCollectionsRequest.getDefaultInstance()).getCollectionsCount());
        assertStatus(Status.Code.NOT_FOUND, () -> collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("staff").build()));
    }

    @Test
    void aDeletedCollectionCanBeCreatedAgainEmpty() throws InterruptedException {
        createCollection("c");
        enrollAll("c", 2, 2);
        collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("c").build());
        createCollection("c");
        assertEquals(0, collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getFaceCount());
        assertTrue(searchEmbedding("c", FACES.sample(0, 0), 5, true).getUnknown());
        // Request ids of the old collection are gone too: the same id enrols anew.
        assertEquals(false, enrollment.enroll(enrollRequest("c", 0, 0)).getReplayed());
    }

    @Test
    void refusesDuplicatesBadNamesAndBadSettings() {
        createCollection("dup");
        assertStatus(Status.Code.ALREADY_EXISTS, () -> createCollection("dup"));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> createCollection("no spaces"));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> createCollection(""));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> collections.createCollection(
                CreateCollectionRequest.newBuilder().setName("neg").setThreshold(-1).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> collections.createCollection(
                CreateCollectionRequest.newBuilder().setName("dim").setEmbeddingDimension(5000).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("nope").build()));
    }
}
