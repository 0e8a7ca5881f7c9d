package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectionServiceGrpc;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.FaceReference;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListSubjectsRequest;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchByFaceIdRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.Status;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets its status and an explanation, and the server keeps serving. */
class BadInputApiTest extends ServerTestBase {

    @BeforeEach
    void populate() throws InterruptedException {
        createCollection("c");
        enrollAll("c", 5, 2);
    }

    @AfterEach
    void serverStillServes() throws InterruptedException {
        awaitTopMatch("c", FACES.sample(4, 7), SyntheticFaces.subject(4));
    }

    @Test
    void wrongVectorLength() {
        EnrollRequest shortVector = EnrollRequest.newBuilder().setCollection("c").setSubjectId("s")
                .setEmbedding(embedding(new float[127])).build();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> enrollment.enroll(shortVector));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder()
                .setCollection("c").setEmbedding(embedding(new float[129])).build()));
        float[] nan = FACES.sample(1, 1);
        nan[3] = Float.NaN;
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> enrollment.enroll(shortVector.toBuilder().setEmbedding(embedding(nan)).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> enrollment.enroll(shortVector.toBuilder().setEmbedding(embedding(new float[128])).build()));
    }

    @Test
    void unknownCollectionSubjectAndFace() {
        assertStatus(Status.Code.NOT_FOUND, () -> enrollment.enroll(enrollRequest("nope", 1, 1)));
        assertStatus(Status.Code.NOT_FOUND, () -> search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder()
                .setCollection("nope").setEmbedding(embedding(FACES.sample(1, 1))).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> faces.getFace(GetFaceRequest.newBuilder().setCollection("c")
                .setFaceId(UUID.randomUUID().toString()).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> search.searchByFaceId(SearchByFaceIdRequest.newBuilder().setCollection("c")
                .setFaceId(UUID.randomUUID().toString()).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> verification.verify(VerifyRequest.newBuilder().setCollection("c")
                .setFirst(FaceReference.newBuilder().setSubjectId("nobody"))
                .setSecond(FaceReference.newBuilder().setEmbedding(embedding(FACES.sample(1, 1)))).build()));
    }

    @Test
    void malformedIdsTokensAndOptions() {
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> faces.getFace(GetFaceRequest.newBuilder().setCollection("c").setFaceId("not-a-uuid").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> faces.listFaces(ListFacesRequest.newBuilder().setCollection("c").setPageToken("garbage!").build()));
        String subjectsToken = faces.listSubjects(ListSubjectsRequest.newBuilder().setCollection("c").setPageSize(1).build()).getNextPageToken();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> faces.listFaces(ListFacesRequest.newBuilder().setCollection("c").setPageToken(subjectsToken).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> faces.listSubjects(ListSubjectsRequest.newBuilder().setCollection("c").setPageSize(5000).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("c")
                .setEmbedding(embedding(FACES.sample(1, 1))).setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(100_000)).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> enrollment.enroll(EnrollRequest.newBuilder().setCollection("c").setSubjectId("s").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().setSubjectId("").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> faces.deleteFaces(DeleteFacesRequest.newBuilder().setCollection("c").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> verification.verify(VerifyRequest.newBuilder().setCollection("c")
                .setFirst(FaceReference.newBuilder().setSubjectId("a")).setSecond(FaceReference.newBuilder().setSubjectId("b")).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> verification.verify(VerifyRequest.getDefaultInstance()));
    }

    @Test
    void oversizedRequest() {
        // 20 MiB of image bytes against the 16 MiB default limit: refused by the transport.
        SearchRequest huge = SearchRequest.newBuilder().setCollection("c").setImage(ByteString.copyFrom(new byte[20 * 1024 * 1024])).build();
        assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> search.search(huge));
    }

    @Test
    void imageWithoutAPipelineAndModelMismatch() {
        ByteString image = ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> search.search(SearchRequest.newBuilder().setCollection("c").setImage(image).build()));
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> DetectionServiceGrpc.newBlockingStub(channel)
                .detect(DetectRequest.newBuilder().setImage(image).build()));
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().setModelId("other@9").build()));
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("c")
                .setEmbedding(embedding(FACES.sample(1, 1))).setModelId("other@9").build()));
    }

    @Test
    void expiredDeadline() {
        assertStatus(Status.Code.DEADLINE_EXCEEDED, () -> search.withDeadlineAfter(1, java.util.concurrent.TimeUnit.NANOSECONDS)
                .searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("c").setEmbedding(embedding(FACES.sample(1, 1))).build()));
        assertEquals(10, faces.listFaces(ListFacesRequest.newBuilder().setCollection("c").build()).getFacesCount());
    }
}
