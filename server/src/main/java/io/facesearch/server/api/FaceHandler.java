package io.facesearch.server.api;

import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.DeleteFacesResponse;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.DeleteSubjectResponse;
import io.facesearch.api.v1.FaceRecord;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListFacesResponse;
import io.facesearch.api.v1.ListSubjectsRequest;
import io.facesearch.api.v1.ListSubjectsResponse;
import io.facesearch.domain.Deleted;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import io.facesearch.server.service.FaceCatalogService;
import io.grpc.stub.StreamObserver;
import java.util.UUID;

/** The FaceService RPCs. */
public final class FaceHandler extends FaceServiceGrpc.FaceServiceImplBase {
    private final FaceCatalogService catalog;

    public FaceHandler(FaceCatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void listSubjects(ListSubjectsRequest request, StreamObserver<ListSubjectsResponse> response) {
        ErrorMapper.respond(response, () -> {
            FaceCatalogService.Listing<SubjectSummary> page = catalog.listSubjects(request.getCollection(), request.getPageSize(), request.getPageToken());
            return ListSubjectsResponse.newBuilder().addAllSubjects(page.items().stream().map(MessageMapper::subject).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public void listFaces(ListFacesRequest request, StreamObserver<ListFacesResponse> response) {
        ErrorMapper.respond(response, () -> {
            FaceCatalogService.Listing<StoredFace> page = catalog.listFaces(request.getCollection(), request.getSubjectId(),
                    request.getPageSize(), request.getPageToken());
            return ListFacesResponse.newBuilder()
                    .addAllFaces(page.items().stream().map(f -> MessageMapper.faceRecord(f, request.getIncludeEmbeddings())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public void getFace(GetFaceRequest request, StreamObserver<FaceRecord> response) {
        ErrorMapper.respond(response, () -> MessageMapper.faceRecord(
                catalog.getFace(request.getCollection(), MessageMapper.faceId(request.getFaceId())), request.getIncludeEmbedding()));
    }

    @Override
    public void deleteFaces(DeleteFacesRequest request, StreamObserver<DeleteFacesResponse> response) {
        ErrorMapper.respond(response, () -> {
            Deleted deleted = catalog.deleteFaces(request.getCollection(), request.getFaceIdsList().stream().map(MessageMapper::faceId).toList());
            return DeleteFacesResponse.newBuilder().setDeleted(deleted.faces().size())
                    .addAllNotFound(deleted.notFound().stream().map(UUID::toString).toList()).build();
        });
    }

    @Override
    public void deleteSubject(DeleteSubjectRequest request, StreamObserver<DeleteSubjectResponse> response) {
        ErrorMapper.respond(response, () -> DeleteSubjectResponse.newBuilder()
                .setDeletedFaces(catalog.deleteSubject(request.getCollection(), request.getSubjectId())).build());
    }
}
