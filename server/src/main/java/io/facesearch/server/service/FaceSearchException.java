package io.facesearch.server.service;

/**
 * A request the services refuse, with what kind of refusal it is. The gRPC layer maps each kind
 * to one status code in one place; messages are written for the caller and say what to change.
 */
public class FaceSearchException extends RuntimeException {

    public enum Kind {
        /** The request is malformed: a bad image, a vector of the wrong length, a bad name. */
        INVALID_ARGUMENT,
        /** A collection, subject or face does not exist. */
        NOT_FOUND,
        /** A collection of that name exists. */
        ALREADY_EXISTS,
        /** The request is too large, or the server is too busy to take it now. */
        RESOURCE_EXHAUSTED,
        /** The request is fine but the state is not: a model mismatch, no face pipeline. */
        FAILED_PRECONDITION
    }

    private final Kind kind;

    public FaceSearchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static FaceSearchException invalid(String message) {
        return new FaceSearchException(Kind.INVALID_ARGUMENT, message);
    }

    public static FaceSearchException notFound(String message) {
        return new FaceSearchException(Kind.NOT_FOUND, message);
    }
}
