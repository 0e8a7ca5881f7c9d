package io.facesearch.client.cli;

import io.grpc.Status;

/**
 * The exit statuses of the server commands. 2 is picocli's for a usage error, and 3 is what the
 * local commands ({@code detect}, {@code verify}) return for an unusable photo, so a script
 * handles both kinds of command alike.
 */
final class ExitStatus {
    static final int OK = 0;
    /** The server refused the request: unknown collection, subject or face, a name taken, a bad setting. */
    static final int REFUSED = 1;
    static final int USAGE = 2;
    /** A photo could not be read, is not an image, or holds no face. */
    static final int BAD_PHOTO = 3;
    /** The server could not be reached, or did not answer within the deadline. */
    static final int UNREACHABLE = 4;

    private ExitStatus() {
    }

    /** The status for a failed call; {@code aboutPhoto} when the request's only doubtful part was a photo. */
    static int of(Status.Code code, boolean aboutPhoto) {
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED -> UNREACHABLE;
            case INVALID_ARGUMENT -> aboutPhoto ? BAD_PHOTO : REFUSED;
            default -> REFUSED;
        };
    }

    /** The more telling of two statuses: an unreachable server over a refusal over a bad photo. */
    static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int status) {
        return switch (status) {
            case UNREACHABLE -> 4;
            case REFUSED -> 3;
            case USAGE -> 2;
            case BAD_PHOTO -> 1;
            default -> 0;
        };
    }
}
