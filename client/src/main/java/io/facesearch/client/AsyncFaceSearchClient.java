package io.facesearch.client;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The calls of {@link FaceSearchClient}, asynchronous. Each future completes on a gRPC thread,
 * exceptionally with a {@link FaceSearchException} when the call fails; cancelling it cancels
 * the call. Dependent stages that block should run on an executor of their own
 * ({@code thenApplyAsync(f, executor)}).
 */
public interface AsyncFaceSearchClient {

    CompletableFuture<Collection> createCollection(CollectionSpec spec);

    CompletableFuture<Collection> describeCollection(String name);

    CompletableFuture<List<Collection>> listCollections();

    CompletableFuture<Long> deleteCollection(String name);

    CompletableFuture<EnrollResult> enroll(Enrollment enrollment);

    CompletableFuture<List<SearchResult>> search(String collection, Photo photo, SearchOptions options);

    CompletableFuture<Matches> searchByEmbedding(String collection, float[] embedding, SearchOptions options);

    CompletableFuture<Matches> searchByFace(String collection, String faceId, SearchOptions options);

    CompletableFuture<VerifyResult> verify(FaceReference first, FaceReference second, VerifyOptions options);

    CompletableFuture<Detection> detect(Photo photo, DetectOptions options);

    CompletableFuture<Page<Subject>> listSubjects(String collection, int pageSize, String pageToken);

    CompletableFuture<Page<Face>> listFaces(FaceQuery query);

    CompletableFuture<Face> getFace(String collection, String faceId);

    CompletableFuture<DeletedFaces> deleteFaces(String collection, List<String> faceIds);

    CompletableFuture<Integer> deleteSubject(String collection, String subjectId);

    CompletableFuture<NewApiKey> createKey(String name, List<String> scopes, Instant expireTime);

    CompletableFuture<List<ApiKey>> listKeys();

    CompletableFuture<ApiKey> revokeKey(String id);
}
