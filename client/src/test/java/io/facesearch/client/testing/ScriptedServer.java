package io.facesearch.client.testing;

import io.facesearch.api.v1.Collection;
import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in CollectionService whose behaviour tests script: it fails the next calls with
 * UNAVAILABLE on request, never answers for the collection "hang", and records every call's
 * {@code authorization} header. For what the real server cannot show: TLS, tokens, retries and
 * cancellation.
 */
public final class ScriptedServer implements AutoCloseable {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Server server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);

    private ScriptedServer(ServerCredentials credentials) {
        ServerInterceptor recordHeaders = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                calls.incrementAndGet();
                String auth = headers.get(AUTHORIZATION);
                authorizations.add(auth == null ? "" : auth);
                return next.startCall(call, headers);
            }
        };
        try {
            server = Grpc.newServerBuilderForPort(0, credentials)
                    .addService(ServerInterceptors.intercept(new Collections(), recordHeaders)).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScriptedServer plaintext() {
        return new ScriptedServer(InsecureServerCredentials.create());
    }

    public static ScriptedServer withTls(ServerCredentials credentials) {
        return new ScriptedServer(credentials);
    }

    public int port() {
        return server.getPort();
    }

    /** The next {@code n} calls fail with UNAVAILABLE. */
    public void failNext(int n) {
        failuresLeft.set(n);
    }

    /** Calls received so far, retries included. */
    public int calls() {
        return calls.get();
    }

    /** The authorization header of each call received, empty when absent. */
    public List<String> authorizations() {
        return authorizations;
    }

    /** Waits until a call to the collection named "hang" (which is never answered) is cancelled by the client. */
    public boolean awaitCancellation(long seconds) throws InterruptedException {
        return cancelled.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private final class Collections extends CollectionServiceGrpc.CollectionServiceImplBase {
        @Override
        public void describeCollection(DescribeCollectionRequest request, StreamObserver<Collection> response) {
            answer(request.getName(), response);
        }

        @Override
        public void createCollection(CreateCollectionRequest request, StreamObserver<Collection> response) {
            answer(request.getName(), response);
        }

        private void answer(String name, StreamObserver<Collection> response) {
            if (name.equals("hang")) {
                Context.current().addListener(context -> cancelled.countDown(), Runnable::run);
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("scripted failure").asRuntimeException());
                return;
            }
            response.onNext(Collection.newBuilder().setName(name).build());
            response.onCompleted();
        }
    }
}
