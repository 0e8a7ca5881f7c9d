package io.facesearch.server.metrics;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every RPC from its arrival to its close, tagged with the method and the status code:
 * exported as {@code facesearch_rpc_seconds{method,code}} (count, sum, max and histogram buckets),
 * which gives request counts, error rates and latency per RPC.
 */
public final class RpcMetricsInterceptor implements ServerInterceptor {
    private final MeterRegistry registry;

    public RpcMetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Timer.Sample sample = Timer.start(registry);
        String method = call.getMethodDescriptor().getFullMethodName();
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                sample.stop(Timer.builder("facesearch.rpc")
                        .description("RPC latency from arrival to close")
                        .tag("method", method)
                        .tag("code", status.getCode().name())
                        .publishPercentileHistogram()
                        .register(registry));
                super.close(status, trailers);
            }
        }, headers);
    }
}
