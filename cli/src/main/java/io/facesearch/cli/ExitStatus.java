package io.facesearch.cli;

import io.facesearch.client.StatusCode;

/**
 * The exit statuses of every {@code facesearch} command, one table so that a script handles the
 * local commands, the server commands and {@code index} alike. 2 is picocli's for a usage error.
 */
public final class ExitStatus {
    /** Done: every photo was read, compared, enrolled, searched or indexed. */
    public static final int OK = 0;
    /**
     * The server refused the request (unknown collection, subject or face, a name taken, a bad
     * setting), or {@code index} cannot start or stopped for a reason a rerun does not fix by itself
     * (another model's collection, no models, a journal that cannot be written).
     */
    public static final int REFUSED = 1;
    /**
     * {@code detect} and {@code embed}: some files could not be read (each is reported). The number
     * of {@link #REFUSED}; these commands talk to no server.
     */
    public static final int SOME_UNREADABLE = 1;
    /** picocli's: a bad option or argument. */
    public static final int USAGE = 2;
    /**
     * A photo could not be read, is not an image, or holds no face; for {@code index}, the run
     * completed but photos were refused or the input is damaged.
     */
    public static final int BAD_PHOTO = 3;
    /** The server could not be reached, did not answer within the deadline, or went away: run the command again. */
    public static final int UNREACHABLE = 4;

    private ExitStatus() {
    }

    /** The status for a failed call; {@code aboutPhoto} when the request's only doubtful part was a photo. */
    public static int of(StatusCode code, boolean aboutPhoto) {
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED -> UNREACHABLE;
            case INVALID_ARGUMENT -> aboutPhoto ? BAD_PHOTO : REFUSED;
            default -> REFUSED;
        };
    }

    /** The more telling of two statuses: an unreachable server over a refusal over a bad photo. */
    public static int worst(int a, int b) {
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
