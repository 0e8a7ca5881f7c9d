package io.facesearch.client;

import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A {@link BulkEnrollment} on one EnrollStream call. The submitting thread waits on a condition
 * that acknowledgements, the transport's ready signal and the stream's end all signal. Results
 * are delivered outside the lock, on the call's (serialising) executor, so the listener sees them
 * one at a time.
 */
final class StreamingEnrollment implements BulkEnrollment, ClientResponseObserver<EnrollRequest, EnrollAck> {
    /** Re-checks readiness this often in case a ready transition is signalled before the wait begins. */
    private static final long READY_POLL_MILLIS = 100;

    private final int maxInFlight;
    private final Consumer<ItemResult> listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Enrollment> inFlight = new LinkedHashMap<>();
    private final CompletableFuture<Summary> completion = new CompletableFuture<>();
    private ClientCallStreamObserver<EnrollRequest> requests;
    private boolean finished;
    private FaceSearchException failure;
    private int submitted;
    private int succeeded;
    private int failed;

    StreamingEnrollment(int maxInFlight, Consumer<ItemResult> listener) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Opens the stream. */
    StreamingEnrollment start(EnrollmentServiceGrpc.EnrollmentServiceStub stub) {
        stub.enrollStream(this);
        return this;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<EnrollRequest> requestStream) {
        this.requests = requestStream;
        requestStream.setOnReadyHandler(this::signal);
    }

    @Override
    public String submit(Enrollment item) throws InterruptedException {
        String requestId = GrpcAsyncClient.requestIdOf(item);
        EnrollRequest message = MessageMapper.enroll(item, requestId);
        lock.lockInterruptibly();
        try {
            while (true) {
                if (failure != null) {
                    throw failure.rethrownHere();
                }
                if (finished) {
                    throw new IllegalStateException("finish() was called: no more items can be submitted to this stream");
                }
                if (inFlight.size() < maxInFlight && requests.isReady()) {
                    break;
                }
                changed.await(READY_POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (inFlight.putIfAbsent(requestId, item) != null) {
                throw new IllegalArgumentException("request id " + requestId + " is already in flight on this stream");
            }
            submitted++;
            requests.onNext(message);
        } finally {
            lock.unlock();
        }
        return requestId;
    }

    @Override
    public void finish() {
        lock.lock();
        try {
            if (!finished && failure == null) {
                finished = true;
                requests.onCompleted();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Summary awaitCompletion() throws InterruptedException {
        finish();
        try {
            return completion.get();
        } catch (ExecutionException e) {
            throw FaceSearchException.of(e.getCause()).rethrownHere();
        }
    }

    @Override
    public CompletableFuture<Summary> completion() {
        return completion;
    }

    @Override
    public void cancel() {
        lock.lock();
        try {
            if (completion.isDone()) {
                return;
            }
            if (failure == null) {
                failure = new FaceSearchException(StatusCode.CANCELLED, "the bulk enrolment was cancelled", null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        // gRPC then closes the call with CANCELLED, and onError reports the items in flight.
        requests.cancel("bulk enrolment cancelled by the caller", null);
    }

    @Override
    public int inFlight() {
        lock.lock();
        try {
            return inFlight.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            awaitCompletion();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
        }
    }

    // --- the call's events, on gRPC's executor -----------------------------------------------

    @Override
    public void onNext(EnrollAck ack) {
        Enrollment item;
        ItemResult result;
        lock.lock();
        try {
            item = inFlight.remove(ack.getRequestId());
            if (item == null) {
                return; // not ours (or already reported): nothing to match it with
            }
            if (ack.hasError()) {
                failed++;
                result = new ItemResult(ack.getRequestId(), item, null, itemError(ack.getError()));
            } else {
                succeeded++;
                result = new ItemResult(ack.getRequestId(), item, MessageMapper.enrollResult(ack.getRequestId(), ack.getResponse()), null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        deliver(result);
    }

    @Override
    public void onError(Throwable error) {
        FaceSearchException streamFailure = FaceSearchException.of(error);
        List<ItemResult> lost = new ArrayList<>();
        lock.lock();
        try {
            if (failure == null) {
                failure = streamFailure;
            }
            FaceSearchException itemFailure = new FaceSearchException(failure.code(),
                    "not acknowledged before the stream ended: " + failure.serverMessage(), failure);
            for (Map.Entry<String, Enrollment> e : inFlight.entrySet()) {
                lost.add(new ItemResult(e.getKey(), e.getValue(), null, itemFailure));
            }
            failed += lost.size();
            inFlight.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        lost.forEach(this::deliver);
        completion.completeExceptionally(failure);
    }

    @Override
    public void onCompleted() {
        List<ItemResult> unacknowledged = new ArrayList<>();
        Summary summary;
        lock.lock();
        try {
            FaceSearchException missing = new FaceSearchException(StatusCode.INTERNAL,
                    "the server ended the stream without acknowledging this item", null);
            for (Map.Entry<String, Enrollment> e : inFlight.entrySet()) {
                unacknowledged.add(new ItemResult(e.getKey(), e.getValue(), null, missing));
            }
            failed += unacknowledged.size();
            inFlight.clear();
            finished = true;
            summary = new Summary(submitted, succeeded, failed);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        unacknowledged.forEach(this::deliver);
        completion.complete(summary);
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Hands a result to the listener; a listener that throws ends the stream, since its results would be lost. */
    private void deliver(ItemResult result) {
        try {
            listener.accept(result);
        } catch (RuntimeException e) {
            requests.cancel("the bulk enrolment's result listener failed: " + e, e);
        }
    }

    private static FaceSearchException itemError(com.google.rpc.Status status) {
        return new FaceSearchException(StatusCode.of(Status.fromCodeValue(status.getCode()).getCode()), status.getMessage(), null);
    }
}
