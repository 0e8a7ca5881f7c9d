package io.facesearch.client;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.function.Function;

/**
 * A unary call as a CompletableFuture of the client's value. Cancelling the future cancels the
 * call, which a future derived with {@code thenApply} would not do: hence the mapping happens here.
 *
 * @param <Q> the request message
 * @param <R> the response message
 * @param <V> the value the response maps to
 */
final class UnaryCall<Q, R, V> extends java.util.concurrent.CompletableFuture<V> implements ClientResponseObserver<Q, R> {
    private final Function<R, V> mapper;
    private volatile ClientCallStreamObserver<Q> call;

    UnaryCall(Function<R, V> mapper) {
        this.mapper = mapper;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
        this.call = requestStream;
    }

    @Override
    public void onNext(R response) {
        try {
            complete(mapper.apply(response));
        } catch (RuntimeException e) {
            completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        completeExceptionally(FaceSearchException.of(error));
    }

    @Override
    public void onCompleted() {
        // A unary call completes with its one response, in onNext.
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        ClientCallStreamObserver<Q> c = call;
        if (cancelled && c != null) {
            c.cancel("cancelled by the caller", null);
        }
        return cancelled;
    }
}
