package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.FaceReference;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListSubjectsRequest;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.api.v1.CollectionServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Client strings of any length over a real socket: each is refused at once with INVALID_ARGUMENT and a
 * short message that quotes at most the start of it, the connection keeps serving other calls, and
 * the server's log gets no stack trace for any of it.
 */
class OversizedStringsApiTest extends ServerTestBase {
    /** What the tool of the report sent: a one-megabyte collection name. */
    static final String MEGABYTE = "n".repeat(1024 * 1024);
    static final String HUNDRED_KB = "k".repeat(100 * 1024);

    @BeforeEach
    void populate() throws InterruptedException {
        createCollection("c");
        enrollAll("c", 2, 1);
    }

    @Test
    void aMegabyteCollectionNameIsRefusedAtOnceWithAShortMessage() {
        long start = System.nanoTime();
        String message = refused(() -> collections.withDeadlineAfter(10, TimeUnit.SECONDS)
                .describeCollection(DescribeCollectionRequest.newBuilder().setName(MEGABYTE).build()));
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5, "answered at once, not at the deadline");
        assertTrue(message.contains("1048576 characters") && message.contains("…"), message);
        for (Executable call : new Executable[] {
                () -> collections.createCollection(CreateCollectionRequest.newBuilder().setName(MEGABYTE).build()),
                () -> enrollment.enroll(enrollRequest(MEGABYTE, 1, 1)),
                () -> faces.listSubjects(ListSubjectsRequest.newBuilder().setCollection(HUNDRED_KB).build()),
                () -> search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection(HUNDRED_KB)
                        .setEmbedding(embedding(FACES.sample(1, 1))).build())}) {
            refused(call);
        }
    }

    @Test
    void aHugeNameDoesNotWedgeOtherCallsOnTheSameConnection() throws Exception {
        CompletableFuture<Throwable> huge = new CompletableFuture<>();
        CollectionServiceGrpc.newStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS).describeCollection(
                DescribeCollectionRequest.newBuilder().setName(MEGABYTE).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(io.facesearch.api.v1.Collection value) {
                        huge.complete(null);
                    }

                    @Override
                    public void onError(Throwable t) {
                        huge.complete(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        // Unrelated calls on the same channel (one HTTP/2 connection), while the huge one is in flight and after.
        for (int i = 0; i < 20; i++) {
            assertEquals(1, collections.withDeadlineAfter(2, TimeUnit.SECONDS).listCollections(ListCollectionsRequest.getDefaultInstance())
                    .getCollectionsCount());
        }
        Throwable failure = huge.get(10, TimeUnit.SECONDS);
        assertEquals(Status.Code.INVALID_ARGUMENT, Status.fromThrowable(failure).getCode());
        assertEquals("c", collections.withDeadlineAfter(2, TimeUnit.SECONDS)
                .describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getName());
    }

    @Test
    void everyStringIsBoundedAndEchoedShort() {
        String longSubject = "s".repeat(300);
        refused(() -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().setSubjectId(HUNDRED_KB).build()));
        refused(() -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().setRequestId(HUNDRED_KB).build()));
        refused(() -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().setModelId(HUNDRED_KB).build()));
        refused(() -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().putMetadata(HUNDRED_KB, "v").build()));
        refused(() -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().putMetadata("k", HUNDRED_KB).build()));
        refused(() -> faces.getFace(GetFaceRequest.newBuilder().setCollection("c").setFaceId(HUNDRED_KB).build()));
        refused(() -> faces.listFaces(ListFacesRequest.newBuilder().setCollection("c").setSubjectId(longSubject).build()));
        refused(() -> faces.listFaces(ListFacesRequest.newBuilder().setCollection("c").setPageToken(HUNDRED_KB).build()));
        refused(() -> faces.listSubjects(ListSubjectsRequest.newBuilder().setCollection("c").setPageToken(HUNDRED_KB).build()));
        refused(() -> faces.deleteSubject(DeleteSubjectRequest.newBuilder().setCollection("c").setSubjectId(HUNDRED_KB).build()));
        refused(() -> search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("c")
                .setEmbedding(embedding(FACES.sample(1, 1))).setModelId(HUNDRED_KB).build()));
        refused(() -> verification.verify(VerifyRequest.newBuilder().setCollection("c")
                .setFirst(FaceReference.newBuilder().setSubjectId(HUNDRED_KB))
                .setSecond(FaceReference.newBuilder().setEmbedding(embedding(FACES.sample(1, 1)))).build()));
        refused(() -> collections.createCollection(CreateCollectionRequest.newBuilder().setName("m").setModelId(HUNDRED_KB).build()));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            many.put("k" + i, "");
        }
        assertTrue(refused(() -> enrollment.enroll(enrollRequest("c", 1, 1).toBuilder().putAllMetadata(many).build()))
                .contains("100001 entries"));
        // A line break in a quoted value does not break the message into lines.
        String broken = refused(() -> faces.getFace(GetFaceRequest.newBuilder().setCollection("c").setFaceId("a\nb").build()));
        assertFalse(broken.contains("\n"), broken);
    }

    @Test
    void refusalsLogNoStackTrace() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            aMegabyteCollectionNameIsRefusedAtOnceWithAShortMessage();
            everyStringIsBoundedAndEchoedShort();
            assertStatus(Status.Code.NOT_FOUND, () -> collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("nope").build()));
        } finally {
            System.setErr(original);
        }
        String written = log.toString(StandardCharsets.UTF_8);
        assertFalse(written.contains("\tat "), "no stack trace for a caller's mistake:\n" + written);
        assertTrue(written.length() < 4096, "the log stays quiet: " + written.length() + " characters");
    }

    /** Asserts INVALID_ARGUMENT with a message far shorter than any header limit; returns the message. */
    private static String refused(Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().getDescription());
        String message = e.getStatus().getDescription();
        assertTrue(message != null && !message.isBlank() && message.length() <= 300, "a short message: " + message);
        return message;
    }
}
