package io.facesearch.server.api;

import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.server.audit.AuditLog;
import io.facesearch.server.security.Caller;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes an {@link io.facesearch.server.audit.AuditRecord} for every call of the API's services
 * (reads included: reading faces is what an auditor asks about first), refused calls too: it sits
 * between {@link Authentication}, whose caller it names, and {@link Authorization}, whose refusals
 * it sees. An EnrollStream gets one record per item, when the item is acknowledged, and one for
 * the stream itself only when the stream ends with an error.
 */
public final class AuditTrail implements ServerInterceptor {
    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Caller caller = Authentication.caller();
        String rpc = call.getMethodDescriptor().getBareMethodName();
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        String peer = remote == null ? "" : remote.toString().replaceFirst("^/", "");
        boolean stream = call.getMethodDescriptor().getFullMethodName().equals(EnrollmentServiceGrpc.getEnrollStreamMethod().getFullMethodName());
        AuditFields fields = new AuditFields();
        /** EnrollStream items awaiting their acknowledgement, by request id: bounded by the stream's window. */
        Map<String, AuditFields> items = new HashMap<>();
        ServerCall<Q, R> audited = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendMessage(R message) {
                if (stream && message instanceof EnrollAck ack) {
                    AuditFields item;
                    synchronized (items) {
                        item = items.remove(ack.getRequestId());
                    }
                    if (item == null) {
                        item = new AuditFields();
                    }
                    String status = "OK";
                    if (ack.hasResponse()) {
                        item.enrolled(ack.getResponse());
                    } else {
                        status = Status.fromCodeValue(ack.getError().getCode()).getCode().name();
                    }
                    write(item, caller, rpc, peer, status);
                } else {
                    fields.response(message);
                }
                super.sendMessage(message);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                if (!stream || !status.isOk()) {
                    write(fields, caller, rpc, peer, status.getCode().name());
                }
                super.close(status, trailers);
            }
        };
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(audited, headers)) {
            @Override
            public void onMessage(Q message) {
                if (stream && message instanceof EnrollRequest request) {
                    AuditFields item = new AuditFields();
                    item.request(request);
                    synchronized (items) {
                        items.put(request.getRequestId(), item);
                    }
                } else {
                    fields.request(message);
                }
                super.onMessage(message);
            }
        };
    }

    private void write(AuditFields fields, Caller caller, String rpc, String peer, String status) {
        log.write(fields.toRecord(clock.instant().toString(), caller.keyId(), rpc, peer, status));
    }
}
