package io.facesearch.indexer.cli;

/**
 * The exit statuses of {@code index}: the same numbers as the other server commands, so a script
 * treats them alike.
 */
final class ExitStatus {
    /** Every photo of the input has an outcome and none was refused. */
    static final int OK = 0;
    /**
     * The job cannot start (no such collection, a collection of another model, the models cannot
     * be loaded) or stopped for a reason a rerun does not fix by itself (the journal cannot be written).
     */
    static final int REFUSED = 1;
    /** picocli's: a bad option or input. */
    static final int USAGE = 2;
    /** The run completed, but photos were refused (unreadable, not images, damaged) or the input is damaged. */
    static final int BAD_PHOTOS = 3;
    /** The server could not be reached, or went away and did not come back: run the command again. */
    static final int UNREACHABLE = 4;

    private ExitStatus() {
    }
}
