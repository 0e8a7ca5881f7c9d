package io.facesearch.server.api;

import com.google.protobuf.MessageLite;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * The request size limit ({@code max.message.bytes}), applied by the server rather than the transport.
 *
 * <p>gRPC's transport enforces its own per-message limit by ending the whole call: for a unary call
 * that is the right answer, but an {@code EnrollStream} would lose every acknowledgement still to
 * come for the items before. So the transport's limit is set above the application's
 * ({@link #transportBytes}) and the application's is checked here, per message: a unary call over it
 * is closed with RESOURCE_EXHAUSTED, and a streamed item over it is left to the stream, which
 * refuses that item on its own acknowledgement and goes on ({@link EnrollStreamCall}). Only a message
 * above the transport's limit still ends a stream.
 */
public final class MessageSizeLimit implements ServerInterceptor {
    private final int maxBytes;

    /** @param maxBytes the largest request accepted: {@code max.message.bytes} */
    public MessageSizeLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The transport's per-message limit for an application limit: twice it (at most 2 GiB), so that
     * an item a little too large (a photo too many, a raw rather than compressed image) is refused on
     * its own, while what a connection may make the server buffer stays bounded.
     */
    public static int transportBytes(int maxBytes) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * maxBytes);
    }

    /** The refusal of a message of {@code bytes}, saying the limit. */
    static Status tooLarge(long bytes, int maxBytes) {
        return Status.RESOURCE_EXHAUSTED.withDescription("the request is " + bytes + " bytes; this server accepts at most "
                + maxBytes + " (max.message.bytes): send a smaller image, or raise the setting");
    }

    int maxBytes() {
        return maxBytes;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        if (!call.getMethodDescriptor().getType().clientSendsOneMessage()) {
            return listener; // a stream judges each item itself
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                int bytes = message instanceof MessageLite m ? m.getSerializedSize() : 0;
                if (bytes > maxBytes) {
                    refused = true;
                    call.close(tooLarge(bytes, maxBytes), new Metadata());
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
        };
    }
}
