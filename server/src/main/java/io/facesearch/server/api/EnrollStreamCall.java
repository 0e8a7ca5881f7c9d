package io.facesearch.server.api;

import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.server.security.Caller;
import io.facesearch.server.service.CallDeadline;
import io.facesearch.server.service.Enrollment;
import io.facesearch.server.service.EnrollmentService;
import io.facesearch.server.service.FaceSearchException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One EnrollStream call. Flow control is explicit: the server asks the transport for
 * {@code window} items, and asks for more only as items are acknowledged <em>and</em> the client
 * is reading acknowledgements (the outbound side is ready). So at most {@code window} items are
 * ever buffered here, and a client that stops reading stops being read.
 *
 * <p>Items that arrive while a batch is being stored form the next batch: under load each batch
 * costs one synced write for up to {@code window} items, and when idle an item is stored on its
 * own at once. Each item is acknowledged after its batch is durable.
 *
 * <p>An item larger than {@code max.message.bytes} (the transport lets through up to twice that, see
 * {@link MessageSizeLimit}) is refused with RESOURCE_EXHAUSTED on its own acknowledgement, and the
 * stream goes on; its bytes are dropped as it arrives, so it is never buffered with the window.
 */
final class EnrollStreamCall implements StreamObserver<EnrollRequest> {
    private static final AccessPolicy.Rule ENROLL = AccessPolicy.of(EnrollmentServiceGrpc.getEnrollMethod());
    private final ServerCallStreamObserver<EnrollAck> out;
    private final EnrollmentService enrollment;
    private final Executor executor;
    /** Who opened the stream: each item needs enroll on its own collection. */
    private final Caller caller;
    private final Object lock = new Object();
    private final ArrayDeque<Item> pending = new ArrayDeque<>();
    private final int maxItemBytes;
    /** The stream's deadline as a {@link System#nanoTime()} instant, or null: its items' work is done on other threads. */
    private final Long deadlineNanos;
    private boolean draining;
    private boolean halfClosed;
    private boolean done;
    /** Items acknowledged whose replacement has not been requested, waiting for the client to read. */
    private int owed;

    /** An item read, or the request id of one refused for its size (its {@code bytes}), whose payload is not kept. */
    private record Item(EnrollRequest request, long oversizedBytes) {
    }

    /** @param maxItemBytes the largest item stored; larger ones are refused one by one */
    EnrollStreamCall(StreamObserver<EnrollAck> responses, EnrollmentService enrollment, Executor executor, int window, int maxItemBytes) {
        this.out = (ServerCallStreamObserver<EnrollAck>) responses;
        this.maxItemBytes = maxItemBytes;
        io.grpc.Deadline deadline = io.grpc.Context.current().getDeadline();
        this.deadlineNanos = deadline == null ? null : ErrorMapper.deadlineNanos(deadline);
        this.enrollment = enrollment;
        this.executor = executor;
        this.caller = Authentication.caller();
        out.disableAutoRequest();
        out.setOnReadyHandler(this::onReady);
        out.setOnCancelHandler(() -> {
            synchronized (lock) {
                done = true;
                pending.clear();
            }
        });
        out.request(window);
    }

    @Override
    public void onNext(EnrollRequest request) {
        synchronized (lock) {
            if (done) {
                return;
            }
            int bytes = request.getSerializedSize();
            pending.add(bytes > maxItemBytes
                    ? new Item(EnrollRequest.newBuilder().setRequestId(request.getRequestId()).build(), bytes)
                    : new Item(request, 0));
            startDraining();
        }
    }

    @Override
    public void onError(Throwable error) {
        synchronized (lock) {
            done = true;
            pending.clear();
        }
    }

    @Override
    public void onCompleted() {
        synchronized (lock) {
            halfClosed = true;
            startDraining();
        }
    }

    /** Called with the lock held. */
    private void startDraining() {
        if (!draining) {
            draining = true;
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            List<Item> batch;
            synchronized (lock) {
                if (done || pending.isEmpty()) {
                    draining = false;
                    if (!done && halfClosed) {
                        done = true;
                        out.onCompleted();
                    }
                    return;
                }
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            List<EnrollAck> acks = process(batch);
            synchronized (lock) {
                if (done) {
                    draining = false;
                    return;
                }
                for (EnrollAck ack : acks) {
                    out.onNext(ack);
                }
                owed += batch.size();
                onReadyLocked();
            }
        }
    }

    private void onReady() {
        synchronized (lock) {
            onReadyLocked();
        }
    }

    private void onReadyLocked() {
        if (!done && owed > 0 && out.isReady()) {
            out.request(owed);
            owed = 0;
        }
    }

    private List<EnrollAck> process(List<Item> items) {
        EnrollAck[] acks = new EnrollAck[items.size()];
        List<EnrollRequest> batch = items.stream().map(Item::request).toList();
        List<Enrollment> enrollments = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EnrollRequest request = batch.get(i);
            if (items.get(i).oversizedBytes() > 0) {
                acks[i] = error(request.getRequestId(), MessageSizeLimit.tooLarge(items.get(i).oversizedBytes(), maxItemBytes));
                continue;
            }
            try {
                if (request.getRequestId().isEmpty()) {
                    throw FaceSearchException.invalid("every EnrollStream item needs a request_id, to match its acknowledgement and to retry it safely");
                }
                String denial = Authorization.denial(caller, ENROLL, request.getCollection());
                if (denial != null) {
                    throw Status.PERMISSION_DENIED.withDescription(denial).asRuntimeException();
                }
                enrollments.add(MessageMapper.enrollment(request));
                positions.add(i);
            } catch (RuntimeException e) {
                acks[i] = error(request.getRequestId(), e);
            }
        }
        List<EnrollmentService.Attempt> results;
        try {
            results = deadlineNanos == null ? enrollment.enrollAll(enrollments)
                    : CallDeadline.within(deadlineNanos, () -> enrollment.enrollAll(enrollments));
        } catch (RuntimeException e) {
            results = enrollments.stream().map(c -> new EnrollmentService.Attempt(null, e)).toList();
        }
        for (int j = 0; j < results.size(); j++) {
            int i = positions.get(j);
            EnrollmentService.Attempt r = results.get(j);
            acks[i] = r.error() != null ? error(batch.get(i).getRequestId(), r.error())
                    : EnrollAck.newBuilder().setRequestId(batch.get(i).getRequestId()).setResponse(MessageMapper.enrollResponse(r.result())).build();
        }
        return List.of(acks);
    }

    private static EnrollAck error(String requestId, RuntimeException e) {
        return error(requestId, ErrorMapper.toStatus(e));
    }

    private static EnrollAck error(String requestId, Status status) {
        return EnrollAck.newBuilder().setRequestId(requestId).setError(com.google.rpc.Status.newBuilder()
                .setCode(status.getCode().value()).setMessage(status.getDescription() == null ? "" : status.getDescription())).build();
    }
}
