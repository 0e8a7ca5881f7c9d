package io.facesearch.server.api;

import io.facesearch.server.security.ApiKeys;
import io.facesearch.server.security.Caller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Says who makes each call: reads {@code authorization: Bearer <secret>}, asks {@link ApiKeys}
 * and puts the {@link Caller} in the call's context for the interceptors and handlers inside. It
 * refuses nothing itself: {@link Authorization} does, inside the audit log's interceptor, so
 * refusals are audited with the rest.
 */
public final class Authentication implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Caller> CALLER = Context.key("facesearch-caller");
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    /** @param keys the server's keys; null when authentication is off ({@code auth.enabled=false}): every caller may do anything */
    public Authentication(ApiKeys keys) {
        this.keys = keys;
    }

    /** The caller of the call in progress; refused when no {@link Authentication} ran, so a missing interceptor fails closed. */
    static Caller caller() {
        Caller caller = CALLER.get();
        return caller == null ? Caller.refused("no authentication on this service") : caller;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Caller caller = keys == null ? Caller.unrestricted() : keys.authenticate(secret(headers.get(AUTHORIZATION)));
        return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
    }

    /** The bearer secret; null without one, or for another scheme (Basic, ...), which is refused as no key. */
    private static String secret(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        return h.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? h.substring(BEARER.length()).strip() : null;
    }
}
