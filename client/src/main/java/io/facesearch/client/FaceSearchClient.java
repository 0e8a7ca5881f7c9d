package io.facesearch.client;

import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A connection to a FaceSearch server, with a blocking method per call of the API. Every method
 * throws {@link FaceSearchException} when the server refuses the call or cannot be reached; the
 * exception carries the gRPC status code and the server's message. {@link #async()} gives the same
 * calls returning {@link java.util.concurrent.CompletableFuture}s.
 *
 * <pre>{@code
 * try (FaceSearchClient client = FaceSearchClient.builder().target("localhost:50051").build()) {
 *     client.createCollection("staff");
 *     client.enroll("staff", "alice", Photo.read(Path.of("alice.jpg")));
 *     client.search("staff", Photo.read(Path.of("who.jpg")));
 * }
 * }</pre>
 *
 * <p>Each call gets the builder's deadline. Calls that are safe to repeat (every read, search,
 * verification and delete, and enrolment, which always carries a request id) are retried when
 * the server is momentarily unavailable. Instances are thread-safe; share one per server and
 * close it when done.
 */
public interface FaceSearchClient extends Closeable {

    /** A builder with every setting at its default (plaintext, localhost:50051, 30 s deadline). */
    static FaceSearchClientBuilder builder() {
        return new FaceSearchClientBuilder();
    }

    /** The server this client talks to, as given to the builder. */
    String target();

    /** The same calls, asynchronous. */
    AsyncFaceSearchClient async();

    // --- collections ---------------------------------------------------------------------------

    /** Creates a collection with the server's default settings; ALREADY_EXISTS if the name is taken. */
    Collection createCollection(String name);

    /** Creates a collection; ALREADY_EXISTS if the name is taken. */
    Collection createCollection(CollectionSpec spec);

    /** A collection's settings and counts; NOT_FOUND if it does not exist. */
    Collection describeCollection(String name);

    /** Every collection, by name. */
    List<Collection> listCollections();

    /** Deletes a collection with its faces and index; NOT_FOUND if it does not exist. Returns the faces deleted. */
    long deleteCollection(String name);

    // --- enrolment -----------------------------------------------------------------------------

    /** Enrols the main face of a photo under a subject. */
    EnrollResult enroll(String collection, String subjectId, Photo photo);

    /** Enrols a photo's faces or an embedding. Durable when this returns; searchable within a second. */
    EnrollResult enroll(Enrollment enrollment);

    /**
     * Starts a bulk enrolment over one stream, with up to 64 items awaiting acknowledgement.
     *
     * @param onResult receives each item's result as the server acknowledges it, on a gRPC thread;
     *     it must not block
     */
    BulkEnrollment bulkEnroll(Consumer<BulkEnrollment.ItemResult> onResult);

    /**
     * Starts a bulk enrolment over one stream.
     *
     * @param maxInFlight items sent but not yet acknowledged at most; {@code submit} blocks beyond it
     * @param onResult receives each item's result, on a gRPC thread; it must not block
     */
    BulkEnrollment bulkEnroll(int maxInFlight, Consumer<BulkEnrollment.ItemResult> onResult);

    // --- search and verification ---------------------------------------------------------------

    /**
     * Finds every face of a photo and identifies each: an enrolled subject or unknown, with the
     * nearest subjects as candidates ({@link Matches}). Empty when the photo has no face.
     */
    List<SearchResult> search(String collection, Photo photo);

    /**
     * As {@link #search(String, Photo)}, with options: the number of candidates, the target FPIR of the
     * decision and whether the face-level matches come too.
     */
    List<SearchResult> search(String collection, Photo photo, SearchOptions options);

    /** Identifies an embedding; INVALID_ARGUMENT when its length is not the collection's. */
    Matches searchByEmbedding(String collection, float[] embedding, SearchOptions options);

    /** Identifies an enrolled face among the others, the face itself excluded. */
    Matches searchByFace(String collection, String faceId, SearchOptions options);

    /** Whether two faces are the same person, with the collection's metric and threshold. */
    VerifyResult verify(String collection, FaceReference first, FaceReference second);

    VerifyResult verify(FaceReference first, FaceReference second, VerifyOptions options);

    /** The faces of a photo as the server's pipeline sees them; nothing is stored. */
    Detection detect(Photo photo, DetectOptions options);

    // --- subjects and faces --------------------------------------------------------------------

    /** One page of a collection's subjects, by subject id. */
    Page<Subject> listSubjects(String collection, int pageSize, String pageToken);

    /** Every subject of a collection, fetched a page at a time as the stream is consumed. */
    Stream<Subject> allSubjects(String collection);

    /** One page of faces. */
    Page<Face> listFaces(FaceQuery query);

    /** Every face a query matches, from its page token on, fetched a page at a time as the stream is consumed. */
    Stream<Face> allFaces(FaceQuery query);

    /** One face, with its embedding; NOT_FOUND when it is not in the collection. */
    Face getFace(String collection, String faceId);

    /** Deletes faces; ids not in the collection are reported, not refused. */
    DeletedFaces deleteFaces(String collection, List<String> faceIds);

    /** Deletes a subject with all its faces; NOT_FOUND when it has none. Returns the faces deleted. */
    int deleteSubject(String collection, String subjectId);

    // --- API keys (each call needs a key with the scope admin:*) ----------------------------------

    /**
     * Creates an API key and returns it with its secret, which the server never tells again.
     *
     * @param scopes e.g. {@code search:people}, {@code enroll:*}, {@code admin:*}: a permission
     *     ({@code search}, {@code enroll} including search, {@code admin} including both) on one collection or on {@code *}
     * @param expireTime when the key stops working, in the future; null for never
     */
    NewApiKey createKey(String name, List<String> scopes, Instant expireTime);

    /** Every key, oldest first, revoked and expired ones included; no secrets. */
    List<ApiKey> listKeys();

    /** Revokes a key: calls with it fail with UNAUTHENTICATED from now on. Revoking twice changes nothing. */
    ApiKey revokeKey(String id);

    /** Closes the connection, letting calls in progress finish for a few seconds. */
    @Override
    void close();
}
