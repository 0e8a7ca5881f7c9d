package io.facesearch.cli.remote;

import io.facesearch.cli.ExitStatus;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to the server: connects with the {@link ServerOptions}, runs, and turns a
 * failed call into a message on stderr and an {@link ExitStatus}.
 */
abstract class ServerCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        FaceSearchClient client;
        try {
            client = server.connect();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err().println("facesearch: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        try {
            return run(client);
        } catch (FaceSearchException e) {
            return report(e, client.target(), false);
        } catch (UncheckedIOException e) {
            // A folder of photos that cannot be walked.
            err().println("facesearch: " + e.getMessage());
            return ExitStatus.BAD_PHOTO;
        } finally {
            client.close();
        }
    }

    /** Does the command's work; failed calls may be left to throw. */
    abstract int run(FaceSearchClient client);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Prints why a call failed and returns the exit status.
     *
     * @param aboutPhoto the request's only doubtful part was a photo, so INVALID_ARGUMENT means a bad photo
     */
    int report(FaceSearchException e, String target, boolean aboutPhoto) {
        err().println(describe(e, target));
        err().flush();
        return ExitStatus.of(e.code(), aboutPhoto);
    }

    /** A sentence for a failed call: where the server is when it cannot be reached, else the server's reason. */
    String describe(FaceSearchException e, String target) {
        return switch (e.code()) {
            case UNAVAILABLE -> "cannot reach FaceSearch server at " + target + ": " + e.serverMessage();
            case DEADLINE_EXCEEDED -> "FaceSearch server at " + target + " did not answer within " + deadline()
                    + " (see --deadline): " + e.serverMessage();
            default -> "facesearch: " + (e.serverMessage().isEmpty() ? e.code().toString() : e.serverMessage())
                    + " (" + e.code() + ")";
        };
    }

    private String deadline() {
        long millis = server.deadline.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
