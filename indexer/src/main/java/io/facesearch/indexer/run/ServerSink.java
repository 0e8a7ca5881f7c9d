package io.facesearch.indexer.run;

import io.facesearch.client.BulkEnrollment;
import io.facesearch.client.Enrollment;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.StatusCode;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends faces to the server over one EnrollStream ({@link BulkEnrollment}), each face a
 * precomputed embedding with its own request id. {@code submit} blocks while {@code maxInFlight}
 * faces await acknowledgement, which is the run's backpressure.
 *
 * <p>When the stream breaks (the server restarts, the network drops), the faces it had not
 * acknowledged are queued again, and after a pause a new stream sends them first; their request ids
 * make the server answer any it had in fact stored without storing them twice. After
 * {@code retries} broken streams without a single acknowledgement in between, the sink gives up.
 */
final class ServerSink implements FaceSink {
    /** The first pause before reopening a broken stream; it doubles with each further failure. */
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** The longest pause between two attempts. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final FaceSearchClient client;
    private final String collection;
    private final String modelId;
    private final int maxInFlight;
    private final int retries;
    private final SinkListener listener;
    /** Faces sent and not yet answered, by request id: what each belongs to. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Faces to send: new ones, and those a broken stream lost. */
    private final Queue<Enrollment> outbox = new ConcurrentLinkedQueue<>();
    /** Streams broken since the last acknowledgement. */
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private BulkEnrollment stream;

    ServerSink(FaceSearchClient client, String collection, String modelId, int maxInFlight, int retries, SinkListener listener) {
        this.client = client;
        this.collection = collection;
        this.modelId = modelId;
        this.maxInFlight = maxInFlight;
        this.retries = retries;
        this.listener = listener;
    }

    @Override
    public void send(OutgoingPhoto photo) throws InterruptedException {
        Pending p = new Pending(photo.photo(), photo.faces().size());
        for (OutgoingPhoto.Face face : photo.faces()) {
            Enrollment e = Enrollment.of(collection, face.identity().subjectId(), face.embedding()).withMetadata(face.metadata())
                    .withRequestId(face.identity().requestId()).withModelId(modelId);
            pending.put(e.requestId(), p);
            outbox.add(e);
        }
        flush();
    }

    /** Submits the outbox, reopening the stream as needed. */
    private void flush() throws InterruptedException {
        for (Enrollment next; (next = outbox.peek()) != null;) {
            if (stream == null) {
                stream = client.bulkEnroll(maxInFlight, this::onResult);
            }
            try {
                stream.submit(next);
                outbox.poll();
            } catch (FaceSearchException failure) {
                streamBroke(failure);
            } catch (IllegalStateException endedByServer) {
                // The server closed the stream on its own, without an error: treat it as broken.
                streamBroke(new FaceSearchException(StatusCode.UNAVAILABLE, "the server ended the stream early", endedByServer));
            }
        }
    }

    @Override
    public void finish() throws InterruptedException {
        while (true) {
            flush();
            if (stream == null) {
                return;
            }
            try {
                stream.awaitCompletion();
                if (outbox.isEmpty()) {
                    stream = null;
                    return;
                }
                streamBroke(new FaceSearchException(StatusCode.INTERNAL,
                        "the server ended the stream without acknowledging every face", null));
            } catch (FaceSearchException failure) {
                streamBroke(failure);
            }
        }
    }

    /**
     * Waits until the broken stream has reported every face it held (they are back in the outbox),
     * then pauses before the next attempt, or gives up.
     */
    private void streamBroke(FaceSearchException failure) throws InterruptedException {
        try {
            stream.completion().join();
        } catch (CompletionException alreadyKnown) {
            // The failure we are handling.
        }
        stream = null;
        int attempt = failuresInARow.incrementAndGet();
        if (!transientFailure(failure) || attempt > retries) {
            throw new SinkFailedException(describe(failure) + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), failure);
        }
        long pause = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt - 1, 20));
        listener.reconnecting(describe(failure));
        Thread.sleep(pause);
    }

    @Override
    public void abandon() {
        if (stream != null) {
            stream.cancel();
            try {
                stream.completion().join();
            } catch (CompletionException expected) {
                // Cancelled.
            }
            stream = null;
        }
        outbox.clear();
        Set<Pending> left = Set.copyOf(pending.values());
        pending.clear();
        left.forEach(p -> listener.lost(p.photo));
    }

    /** An acknowledgement, or a face the stream lost; on gRPC's thread. */
    private void onResult(BulkEnrollment.ItemResult r) {
        Pending p = pending.get(r.requestId());
        if (p == null) {
            return; // abandoned
        }
        if (r.succeeded()) {
            failuresInARow.set(0);
            pending.remove(r.requestId());
            p.stored(r.result().replayed());
        } else if (lostWithStream(r.error())) {
            outbox.add(r.item());
        } else {
            pending.remove(r.requestId());
            p.refused("SERVER_" + r.error().code(), r.error().serverMessage());
        }
    }

    /** The face was not refused by the server: the stream ended before its answer. */
    private static boolean lostWithStream(FaceSearchException e) {
        return e.getCause() != null || switch (e.code()) {
            case UNAVAILABLE, CANCELLED, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, ABORTED -> true;
            default -> false;
        };
    }

    /** Worth another stream: the server or the network may come back. */
    private static boolean transientFailure(FaceSearchException e) {
        return switch (e.code()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, ABORTED, RESOURCE_EXHAUSTED -> true;
            default -> false;
        };
    }

    private String describe(FaceSearchException e) {
        return e.code() == StatusCode.UNAVAILABLE
                ? "lost the FaceSearch server at " + client.target() + ": " + e.serverMessage()
                : "the FaceSearch server at " + client.target() + " ended the stream: " + e.code()
                        + (e.serverMessage().isEmpty() ? "" : " " + e.serverMessage());
    }

    /** A photo whose faces are on their way: it is done when every face is answered. */
    private final class Pending {
        private final PhotoRef photo;
        private final int faces;
        private int remaining;
        private int replayed;
        private String refusal;
        private String refusalMessage;

        Pending(PhotoRef photo, int faces) {
            this.photo = photo;
            this.faces = faces;
            this.remaining = faces;
        }

        void stored(boolean wasReplayed) {
            synchronized (this) {
                replayed += wasReplayed ? 1 : 0;
                if (--remaining > 0) {
                    return;
                }
            }
            done();
        }

        void refused(String reason, String message) {
            synchronized (this) {
                if (refusal == null) {
                    refusal = reason;
                    refusalMessage = message;
                }
                if (--remaining > 0) {
                    return;
                }
            }
            done();
        }

        private void done() {
            if (refusal != null) {
                listener.refused(photo, refusal, refusalMessage);
            } else {
                listener.stored(photo, faces, replayed);
            }
        }
    }
}
