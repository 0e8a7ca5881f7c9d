package io.facesearch.client;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateKeyRequest;
import io.facesearch.api.v1.KeyServiceGrpc;
import io.facesearch.api.v1.ListKeysRequest;
import io.facesearch.api.v1.RevokeKeyRequest;
import io.facesearch.api.v1.DeleteCollectionRequest;
import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.DetectionServiceGrpc;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListSubjectsRequest;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchByFaceIdRequest;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.api.v1.VerificationServiceGrpc;
import io.grpc.Channel;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The asynchronous calls, on the generated async stubs; every other call style is built on these. */
final class GrpcAsyncClient implements AsyncFaceSearchClient {
    private final CollectionServiceGrpc.CollectionServiceStub collections;
    private final EnrollmentServiceGrpc.EnrollmentServiceStub enrollment;
    private final SearchServiceGrpc.SearchServiceStub search;
    private final VerificationServiceGrpc.VerificationServiceStub verification;
    private final DetectionServiceGrpc.DetectionServiceStub detection;
    private final FaceServiceGrpc.FaceServiceStub faces;
    private final KeyServiceGrpc.KeyServiceStub keys;
    private final Duration deadline;

    /** @param deadline each call's deadline, from when it starts; null for none */
    GrpcAsyncClient(Channel channel, Duration deadline) {
        this.collections = CollectionServiceGrpc.newStub(channel);
        this.enrollment = EnrollmentServiceGrpc.newStub(channel);
        this.search = SearchServiceGrpc.newStub(channel);
        this.verification = VerificationServiceGrpc.newStub(channel);
        this.detection = DetectionServiceGrpc.newStub(channel);
        this.faces = FaceServiceGrpc.newStub(channel);
        this.keys = KeyServiceGrpc.newStub(channel);
        this.deadline = deadline;
    }

    /** The stream stub, without a deadline: a bulk enrolment lasts as long as its items keep coming. */
    EnrollmentServiceGrpc.EnrollmentServiceStub enrollmentStream() {
        return enrollment;
    }

    /** A request id for an enrolment that has none, so that every enrolment can be retried safely. */
    static String requestIdOf(Enrollment e) {
        return e.requestId() != null ? e.requestId() : UUID.randomUUID().toString();
    }

    @Override
    public CompletableFuture<Collection> createCollection(CollectionSpec spec) {
        return call(timed(collections)::createCollection, MessageMapper.createCollection(spec), MessageMapper::collection);
    }

    @Override
    public CompletableFuture<Collection> describeCollection(String name) {
        return call(timed(collections)::describeCollection, DescribeCollectionRequest.newBuilder().setName(name).build(),
                MessageMapper::collection);
    }

    @Override
    public CompletableFuture<List<Collection>> listCollections() {
        return call(timed(collections)::listCollections, ListCollectionsRequest.getDefaultInstance(),
                r -> r.getCollectionsList().stream().map(MessageMapper::collection).toList());
    }

    @Override
    public CompletableFuture<Long> deleteCollection(String name) {
        return call(timed(collections)::deleteCollection, DeleteCollectionRequest.newBuilder().setName(name).build(),
                r -> r.getDeletedFaces());
    }

    @Override
    public CompletableFuture<EnrollResult> enroll(Enrollment e) {
        String requestId = requestIdOf(e);
        return call(timed(enrollment)::enroll, MessageMapper.enroll(e, requestId), r -> MessageMapper.enrollResult(requestId, r));
    }

    @Override
    public CompletableFuture<List<SearchResult>> search(String collection, Photo photo, SearchOptions options) {
        return call(timed(search)::search, SearchRequest.newBuilder().setCollection(collection)
                        .setImage(com.google.protobuf.UnsafeByteOperations.unsafeWrap(photo.bytes()))
                        .setOptions(MessageMapper.searchOptions(options)).build(),
                r -> r.getResultsList().stream()
                        .map(x -> new SearchResult(MessageMapper.detectedFace(x.getFace()), MessageMapper.matches(x.getMatches())))
                        .toList());
    }

    @Override
    public CompletableFuture<Matches> searchByEmbedding(String collection, float[] embedding, SearchOptions options) {
        return call(timed(search)::searchByEmbedding, SearchByEmbeddingRequest.newBuilder().setCollection(collection)
                .setEmbedding(MessageMapper.embedding(embedding)).setOptions(MessageMapper.searchOptions(options)).build(),
                MessageMapper::matches);
    }

    @Override
    public CompletableFuture<Matches> searchByFace(String collection, String faceId, SearchOptions options) {
        return call(timed(search)::searchByFaceId, SearchByFaceIdRequest.newBuilder().setCollection(collection)
                .setFaceId(faceId).setOptions(MessageMapper.searchOptions(options)).build(), MessageMapper::matches);
    }

    @Override
    public CompletableFuture<VerifyResult> verify(FaceReference first, FaceReference second, VerifyOptions options) {
        return call(timed(verification)::verify, MessageMapper.verify(first, second, options), MessageMapper::verifyResult);
    }

    @Override
    public CompletableFuture<Detection> detect(Photo photo, DetectOptions options) {
        return call(timed(detection)::detect, MessageMapper.detect(photo, options), MessageMapper::detection);
    }

    @Override
    public CompletableFuture<Page<Subject>> listSubjects(String collection, int pageSize, String pageToken) {
        return call(timed(faces)::listSubjects, ListSubjectsRequest.newBuilder().setCollection(collection)
                        .setPageSize(pageSize).setPageToken(pageToken == null ? "" : pageToken).build(),
                r -> new Page<>(r.getSubjectsList().stream().map(MessageMapper::subject).toList(), r.getNextPageToken()));
    }

    @Override
    public CompletableFuture<Page<Face>> listFaces(FaceQuery q) {
        return call(timed(faces)::listFaces, ListFacesRequest.newBuilder().setCollection(q.collection())
                        .setSubjectId(q.subjectId()).setPageSize(q.pageSize()).setPageToken(q.pageToken())
                        .setIncludeEmbeddings(q.includeEmbeddings()).build(),
                r -> new Page<>(r.getFacesList().stream().map(MessageMapper::face).toList(), r.getNextPageToken()));
    }

    @Override
    public CompletableFuture<Face> getFace(String collection, String faceId) {
        return call(timed(faces)::getFace, GetFaceRequest.newBuilder().setCollection(collection).setFaceId(faceId)
                .setIncludeEmbedding(true).build(), MessageMapper::face);
    }

    @Override
    public CompletableFuture<DeletedFaces> deleteFaces(String collection, List<String> faceIds) {
        return call(timed(faces)::deleteFaces, DeleteFacesRequest.newBuilder().setCollection(collection)
                .addAllFaceIds(faceIds).build(), r -> new DeletedFaces(r.getDeleted(), r.getNotFoundList()));
    }

    @Override
    public CompletableFuture<Integer> deleteSubject(String collection, String subjectId) {
        return call(timed(faces)::deleteSubject, DeleteSubjectRequest.newBuilder().setCollection(collection)
                .setSubjectId(subjectId).build(), r -> r.getDeletedFaces());
    }

    @Override
    public CompletableFuture<NewApiKey> createKey(String name, List<String> scopes, Instant expireTime) {
        CreateKeyRequest.Builder request = CreateKeyRequest.newBuilder().setName(name).addAllScopes(scopes);
        if (expireTime != null) {
            request.setExpireTime(MessageMapper.timestamp(expireTime));
        }
        return call(timed(keys)::createKey, request.build(), r -> new NewApiKey(MessageMapper.apiKey(r.getKey()), r.getSecret()));
    }

    @Override
    public CompletableFuture<List<ApiKey>> listKeys() {
        return call(timed(keys)::listKeys, ListKeysRequest.getDefaultInstance(),
                r -> r.getKeysList().stream().map(MessageMapper::apiKey).toList());
    }

    @Override
    public CompletableFuture<ApiKey> revokeKey(String id) {
        return call(timed(keys)::revokeKey, RevokeKeyRequest.newBuilder().setId(id).build(), MessageMapper::apiKey);
    }

    /** The stub with the deadline counted from now. */
    private <S extends AbstractStub<S>> S timed(S stub) {
        return deadline == null ? stub : stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static <Q, R, V> CompletableFuture<V> call(BiConsumer<Q, StreamObserver<R>> method, Q request, Function<R, V> mapper) {
        UnaryCall<Q, R, V> call = new UnaryCall<>(mapper);
        method.accept(request, call);
        return call;
    }
}
