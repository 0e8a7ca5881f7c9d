package io.facesearch.server.api;

import io.facesearch.api.v1.Collection;
import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CompactCollectionRequest;
import io.facesearch.api.v1.CompactCollectionResponse;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DeleteCollectionRequest;
import io.facesearch.api.v1.DeleteCollectionResponse;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.api.v1.ListCollectionsResponse;
import io.facesearch.domain.Compaction;
import io.facesearch.server.service.CollectionService;
import io.facesearch.server.service.CollectionSpec;
import io.facesearch.server.security.Caller;
import io.facesearch.server.security.Permission;
import io.grpc.stub.StreamObserver;

/** The CollectionService RPCs. */
public final class CollectionHandler extends CollectionServiceGrpc.CollectionServiceImplBase {
    private final CollectionService collections;

    public CollectionHandler(CollectionService collections) {
        this.collections = collections;
    }

    @Override
    public void createCollection(CreateCollectionRequest request, StreamObserver<Collection> response) {
        ErrorMapper.respond(response, () -> MessageMapper.collection(collections.create(new CollectionSpec(
                request.getName(), MessageMapper.metric(request.getMetric()), request.getThreshold(),
                MessageMapper.indexFormat(request.getIndexFormat()), request.getModelId(), request.getEmbeddingDimension(),
                request.getTargetFpir(), MessageMapper.qualitySpec(request.getQuality())))));
    }

    @Override
    public void deleteCollection(DeleteCollectionRequest request, StreamObserver<DeleteCollectionResponse> response) {
        ErrorMapper.respond(response, () -> DeleteCollectionResponse.newBuilder()
                .setDeletedFaces(collections.delete(request.getName())).build());
    }

    /** Lists the collections the caller's key can search (all of them for a key on {@code *}). */
    @Override
    public void listCollections(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> response) {
        Caller caller = Authentication.caller();
        ErrorMapper.respond(response, () -> ListCollectionsResponse.newBuilder()
                .addAllCollections(collections.list().stream().filter(c -> caller.may(Permission.SEARCH, c.record().name()))
                        .map(MessageMapper::collection).toList()).build());
    }

    @Override
    public void compactCollection(CompactCollectionRequest request, StreamObserver<CompactCollectionResponse> response) {
        ErrorMapper.respond(response, () -> {
            Compaction done = collections.compact(request.getName(), request.getMaxSegments());
            return CompactCollectionResponse.newBuilder().setIndexSizeBytesBefore(done.indexBytesBefore())
                    .setIndexSizeBytesAfter(done.indexBytesAfter()).setIndexSegments(done.segments())
                    .setTookMs(done.tookMillis()).build();
        });
    }

    @Override
    public void describeCollection(DescribeCollectionRequest request, StreamObserver<Collection> response) {
        ErrorMapper.respond(response, () -> MessageMapper.collection(collections.describe(request.getName())));
    }
}
