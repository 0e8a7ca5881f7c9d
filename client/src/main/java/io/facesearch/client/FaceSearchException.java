package io.facesearch.client;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A call the server refused or could not answer. Carries a {@link StatusCode} and the server's
 * message: NOT_FOUND (unknown collection, subject or face), INVALID_ARGUMENT (bad photo, wrong
 * embedding length), ALREADY_EXISTS, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, and on the client's
 * side UNAVAILABLE (server unreachable) and DEADLINE_EXCEEDED.
 */
public final class FaceSearchException extends RuntimeException {
    private final StatusCode code;
    private final String serverMessage;

    public FaceSearchException(StatusCode code, String serverMessage, Throwable cause) {
        super(code + (serverMessage.isEmpty() ? "" : ": " + serverMessage), cause);
        this.code = code;
        this.serverMessage = serverMessage;
    }

    /** Why the call failed. */
    public StatusCode code() {
        return code;
    }

    /** The status description: the server's explanation, or the transport's for client-side failures. */
    public String serverMessage() {
        return serverMessage;
    }

    /** True when the server could not be reached, or the connection was lost during the call. */
    public boolean isUnavailable() {
        return code == StatusCode.UNAVAILABLE;
    }

    /**
     * The failure of a call as a FaceSearchException. gRPC failures keep their status; for a lost
     * connection, the transport's reason (say, "Connection refused") is added to gRPC's terse
     * description.
     */
    static FaceSearchException of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof FaceSearchException e) {
            return e;
        }
        Status status = switch (t) {
            case StatusRuntimeException e -> e.getStatus();
            case StatusException e -> e.getStatus();
            case CancellationException e -> Status.CANCELLED.withDescription("the call was cancelled");
            default -> Status.fromThrowable(t);
        };
        String message = status.getDescription() == null ? "" : status.getDescription();
        Throwable cause = status.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            // gRPC's "io exception" says nothing the transport's own reason ("Connection refused") does not.
            boolean generic = message.isEmpty() || message.equals("io exception");
            message = generic ? cause.getMessage() : message + " (" + cause.getMessage() + ")";
        }
        return new FaceSearchException(StatusCode.of(status.getCode()), message, t);
    }

    /**
     * The same failure thrown again with the stack of the thread that waited for it, so that a
     * blocking caller sees where it called from; the original stays as the cause.
     */
    FaceSearchException rethrownHere() {
        return new FaceSearchException(code, serverMessage, this);
    }
}
