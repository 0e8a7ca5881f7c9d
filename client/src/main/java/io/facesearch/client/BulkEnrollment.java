package io.facesearch.client;

import java.util.concurrent.CompletableFuture;

/**
 * Many enrolments over one stream, each acknowledged on its own as soon as it is durable. Items
 * go out as fast as the server takes them and no faster: {@link #submit} blocks while the
 * in-flight limit is reached or the connection's send buffer is full, so memory stays bounded
 * however many items are sent.
 *
 * <p>Every submitted item gets exactly one {@link ItemResult}, delivered to the listener given to
 * {@link FaceSearchClient#bulkEnroll}: its server acknowledgement, or, when the stream fails
 * (server gone, connection lost, cancelled), the stream's failure. Items that failed can be
 * submitted again on a new stream with the same request id; the server never enrols one twice.
 *
 * <pre>{@code
 * try (BulkEnrollment bulk = client.bulkEnroll(r -> System.out.println(r))) {
 *     for (Path p : photos) {
 *         bulk.submit(Enrollment.of("staff", subjectOf(p), Photo.read(p)));
 *     }
 * } // close() waits for the last acknowledgement
 * }</pre>
 */
public interface BulkEnrollment extends AutoCloseable {

    /**
     * Sends one item, blocking while too many items await acknowledgement or the transport is
     * not ready for more.
     *
     * @return the item's request id (its own, or the one chosen for it)
     * @throws FaceSearchException when the stream has failed; nothing more can be sent on it
     * @throws IllegalStateException after {@link #finish()}
     * @throws IllegalArgumentException when an item with the same request id is still in flight
     */
    String submit(Enrollment item) throws InterruptedException;

    /** Tells the server no more items will come; returns at once. Idempotent. */
    void finish();

    /**
     * Finishes the stream if not done yet and waits until every item has its result.
     *
     * @throws FaceSearchException when the stream failed (every unacknowledged item has been
     *     reported failed to the listener before)
     */
    Summary awaitCompletion() throws InterruptedException;

    /** Completes with the summary once every result is delivered, or exceptionally with the stream's failure. */
    CompletableFuture<Summary> completion();

    /** Abandons the stream: items not yet acknowledged are reported failed with CANCELLED. */
    void cancel();

    /** Items sent and not yet acknowledged. */
    int inFlight();

    /** {@link #awaitCompletion()}; if interrupted, cancels the stream and keeps the interrupt. */
    @Override
    void close();

    /**
     * The result of one item: exactly one of {@code result} and {@code error} is set.
     *
     * @param requestId the item's request id
     * @param item the item as submitted
     * @param result what the server stored, when it succeeded
     * @param error why it failed: the server's refusal of this item, or the stream's failure
     */
    record ItemResult(String requestId, Enrollment item, EnrollResult result, FaceSearchException error) {

        public boolean succeeded() {
            return error == null;
        }
    }

    /**
     * The count of items of a completed stream.
     *
     * @param submitted items sent
     * @param succeeded items acknowledged as stored (which may have stored no face: see {@link EnrollResult#enrolled()})
     * @param failed items refused or lost
     */
    record Summary(int submitted, int succeeded, int failed) {
    }
}
