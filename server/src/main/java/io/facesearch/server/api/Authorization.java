package io.facesearch.server.api;

import io.facesearch.server.security.Abbreviated;
import io.facesearch.server.security.Caller;
import io.facesearch.server.security.Permission;
import io.facesearch.server.security.Scope;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Refuses what the caller may not do: UNAUTHENTICATED at once for a call without a valid key,
 * PERMISSION_DENIED for a request whose collection the key has no scope on ({@link AccessPolicy}).
 * The collection is in the request message, so the check runs when the message arrives, before
 * the handler sees it; a refused call hears nothing more.
 */
public final class Authorization implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Caller caller = Authentication.caller();
        if (!caller.authenticated()) {
            call.close(Status.UNAUTHENTICATED.withDescription(caller.refusal()), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        AccessPolicy.Rule rule = AccessPolicy.of(call.getMethodDescriptor());
        if (rule == null) {
            call.close(Status.PERMISSION_DENIED.withDescription("no access rule covers " + call.getMethodDescriptor().getFullMethodName()),
                    new Metadata());
            return new ServerCall.Listener<>() { };
        }
        if (rule.kind() == AccessPolicy.Kind.ANY_KEY || rule.kind() == AccessPolicy.Kind.PER_ITEM) {
            return next.startCall(call, headers);
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                String denial = denial(caller, rule, rule.collection().apply(message));
                if (denial != null) {
                    refused = true;
                    call.close(Status.PERMISSION_DENIED.withDescription(denial), new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onReady() {
                if (!refused) {
                    super.onReady();
                }
            }

            @Override
            public void onComplete() {
                if (!refused) {
                    super.onComplete();
                }
            }
        };
    }

    /** Why the caller may not, or null when it may. */
    static String denial(Caller caller, AccessPolicy.Rule rule, String collection) {
        Permission needed = rule.permission();
        boolean allowed = collection == null ? caller.maySomewhere(needed) : caller.may(needed, collection);
        if (allowed) {
            return null;
        }
        String where = collection == null ? "some collection" : Scope.ANY.equals(collection) ? "every collection (*)"
                : "collection '" + Abbreviated.of(collection) + "'";
        return "API key " + caller.keyId() + " may not " + needed.label() + " on " + where + "; it has "
                + caller.apiKey().map(k -> k.scopes().toString()).orElse("[]");
    }
}
