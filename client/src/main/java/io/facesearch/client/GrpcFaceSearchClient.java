package io.facesearch.client;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The blocking client: each call is the asynchronous one, awaited. Owns the channel. */
final class GrpcFaceSearchClient implements FaceSearchClient {
    /** Enough items in flight to keep a server's batches full without holding many photos in memory. */
    static final int DEFAULT_MAX_IN_FLIGHT = 64;
    /** How long close() lets calls in progress finish before cutting them off. */
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final ManagedChannel channel;
    private final String target;
    private final GrpcAsyncClient async;

    GrpcFaceSearchClient(ManagedChannel channel, String target, Duration deadline) {
        this.channel = channel;
        this.target = target;
        this.async = new GrpcAsyncClient(channel, deadline);
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public AsyncFaceSearchClient async() {
        return async;
    }

    @Override
    public Collection createCollection(String name) {
        return createCollection(CollectionSpec.named(name));
    }

    @Override
    public Collection createCollection(CollectionSpec spec) {
        return await(async.createCollection(spec));
    }

    @Override
    public Collection describeCollection(String name) {
        return await(async.describeCollection(name));
    }

    @Override
    public List<Collection> listCollections() {
        return await(async.listCollections());
    }

    @Override
    public long deleteCollection(String name) {
        return await(async.deleteCollection(name));
    }

    @Override
    public EnrollResult enroll(String collection, String subjectId, Photo photo) {
        return enroll(Enrollment.of(collection, subjectId, photo));
    }

    @Override
    public EnrollResult enroll(Enrollment enrollment) {
        return await(async.enroll(enrollment));
    }

    @Override
    public BulkEnrollment bulkEnroll(Consumer<BulkEnrollment.ItemResult> onResult) {
        return bulkEnroll(DEFAULT_MAX_IN_FLIGHT, onResult);
    }

    @Override
    public BulkEnrollment bulkEnroll(int maxInFlight, Consumer<BulkEnrollment.ItemResult> onResult) {
        return new StreamingEnrollment(maxInFlight, onResult).start(async.enrollmentStream());
    }

    @Override
    public List<SearchResult> search(String collection, Photo photo) {
        return search(collection, photo, SearchOptions.DEFAULT);
    }

    @Override
    public List<SearchResult> search(String collection, Photo photo, SearchOptions options) {
        return await(async.search(collection, photo, options));
    }

    @Override
    public Matches searchByEmbedding(String collection, float[] embedding, SearchOptions options) {
        return await(async.searchByEmbedding(collection, embedding, options));
    }

    @Override
    public Matches searchByFace(String collection, String faceId, SearchOptions options) {
        return await(async.searchByFace(collection, faceId, options));
    }

    @Override
    public VerifyResult verify(String collection, FaceReference first, FaceReference second) {
        return verify(first, second, VerifyOptions.inCollection(collection));
    }

    @Override
    public VerifyResult verify(FaceReference first, FaceReference second, VerifyOptions options) {
        return await(async.verify(first, second, options));
    }

    @Override
    public Detection detect(Photo photo, DetectOptions options) {
        return await(async.detect(photo, options));
    }

    @Override
    public Page<Subject> listSubjects(String collection, int pageSize, String pageToken) {
        return await(async.listSubjects(collection, pageSize, pageToken));
    }

    @Override
    public Stream<Subject> allSubjects(String collection) {
        return pages("", token -> listSubjects(collection, 0, token));
    }

    @Override
    public Page<Face> listFaces(FaceQuery query) {
        return await(async.listFaces(query));
    }

    @Override
    public Stream<Face> allFaces(FaceQuery query) {
        return pages(query.pageToken(), token -> listFaces(query.withPageToken(token)));
    }

    @Override
    public Face getFace(String collection, String faceId) {
        return await(async.getFace(collection, faceId));
    }

    @Override
    public DeletedFaces deleteFaces(String collection, List<String> faceIds) {
        return await(async.deleteFaces(collection, faceIds));
    }

    @Override
    public int deleteSubject(String collection, String subjectId) {
        return await(async.deleteSubject(collection, subjectId));
    }

    @Override
    public NewApiKey createKey(String name, List<String> scopes, java.time.Instant expireTime) {
        return await(async.createKey(name, scopes, expireTime));
    }

    @Override
    public List<ApiKey> listKeys() {
        return await(async.listKeys());
    }

    @Override
    public ApiKey revokeKey(String id) {
        return await(async.revokeKey(id));
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for a call. Interrupting the waiting thread cancels the call; its failure is thrown
     * with this thread's stack, the original kept as the cause.
     */
    static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new FaceSearchException(StatusCode.CANCELLED, "interrupted while waiting for the server", e);
        } catch (CancellationException e) {
            throw new FaceSearchException(StatusCode.CANCELLED, "the call was cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FaceSearchException f) {
                throw f.rethrownHere();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw FaceSearchException.of(e.getCause());
        }
    }

    /** The items of consecutive pages, each page fetched when the previous one is used up. */
    private static <T> Stream<T> pages(String firstToken, Function<String, Page<T>> fetch) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> page = List.<T>of().iterator();
            private String next = firstToken;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    Page<T> p = fetch.apply(next);
                    page = p.items().iterator();
                    next = p.nextPageToken();
                    last = !p.hasNext();
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
