package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.DeleteFacesResponse;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.FaceRecord;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListSubjectsRequest;
import io.facesearch.api.v1.Match;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.Status;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deleted faces vanish from search and listings before the delete returns: no polling here. */
class DeleteApiTest extends ServerTestBase {

    @Test
    void deletedFacesDisappearFromSearchAndListingAtOnce() throws InterruptedException {
        createCollection("c");
        enrollAll("c", 30, 3);
        awaitTopMatch("c", FACES.sample(7, 9), SyntheticFaces.subject(7));
        List<FaceRecord> sevens = faces.listFaces(ListFacesRequest.newBuilder().setCollection("c")
                .setSubjectId(SyntheticFaces.subject(7)).build()).getFacesList();
        String unknownId = UUID.randomUUID().toString();
        DeleteFacesResponse response = faces.deleteFaces(DeleteFacesRequest.newBuilder().setCollection("c")
                .addFaceIds(sevens.get(0).getFaceId()).addFaceIds(unknownId).build());
        assertEquals(1, response.getDeleted());
        assertEquals(List.of(unknownId), response.getNotFoundList());

        for (boolean exact : new boolean[] {false, true}) {
            List<Match> left = searchEmbedding("c", FACES.sample(7, 9), 10, exact).getMatchesList();
            assertEquals(2, left.size());
            left.forEach(m -> assertTrue(!m.getFaceId().equals(sevens.get(0).getFaceId())));
        }
        assertStatus(Status.Code.NOT_FOUND, () -> faces.getFace(GetFaceRequest.newBuilder().setCollection("c")
                .setFaceId(sevens.get(0).getFaceId()).build()));
        assertEquals(2, faces.listFaces(ListFacesRequest.newBuilder().setCollection("c").setSubjectId(SyntheticFaces.subject(7)).build()).getFacesCount());
    }

    @Test
    void deletedSubjectsDisappearWithAllTheirFaces() throws InterruptedException {
        createCollection("c");
        enrollAll("c", 10, 4);
        awaitTopMatch("c", FACES.sample(9, 3), SyntheticFaces.subject(9));
        assertEquals(4, faces.deleteSubject(DeleteSubjectRequest.newBuilder().setCollection("c")
                .setSubjectId(SyntheticFaces.subject(3)).build()).getDeletedFaces());
        assertTrue(searchEmbedding("c", FACES.sample(3, 0), 10, false).getUnknown());
        assertTrue(searchEmbedding("c", FACES.sample(3, 0), 10, true).getUnknown());
        assertEquals(9, faces.listSubjects(ListSubjectsRequest.newBuilder().setCollection("c").build()).getSubjectsCount());
        var described = collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build());
        assertEquals(36, described.getFaceCount());
        assertEquals(9, described.getSubjectCount());
        assertStatus(Status.Code.NOT_FOUND, () -> faces.deleteSubject(DeleteSubjectRequest.newBuilder().setCollection("c")
                .setSubjectId(SyntheticFaces.subject(3)).build()));
    }

    @Test
    void deletingTheLastFaceOfASubjectRemovesTheSubject() {
        createCollection("c");
        String id = enrollment.enroll(enrollRequest("c", 1, 0)).getFaces(0).getFaceId();
        faces.deleteFaces(DeleteFacesRequest.newBuilder().setCollection("c").addFaceIds(id).build());
        assertEquals(0, faces.listSubjects(ListSubjectsRequest.newBuilder().setCollection("c").build()).getSubjectsCount());
        assertEquals(0, collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getSubjectCount());
    }
}
