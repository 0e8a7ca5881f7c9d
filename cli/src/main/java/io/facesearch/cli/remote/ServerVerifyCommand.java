package io.facesearch.cli.remote;

import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.FalseAcceptRateOutput;
import io.facesearch.cli.PhotoFiles;
import io.facesearch.client.FaceReference;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.Photo;
import io.facesearch.client.VerifyOptions;
import io.facesearch.client.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * A verification done by the server against what a collection holds ({@code faces verify},
 * {@code subjects verify}); its output is that of the local {@code verify}, plus the enrolled face
 * used.
 */
abstract class ServerVerifyCommand extends ServerCommand {
    private static final Pattern FACE_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME",
            description = "The collection the enrolled faces are in; its metric and threshold apply.")
    String collection;

    @Option(names = "--threshold", paramLabel = "DISTANCE", description = "Decision threshold (default: the collection's).")
    float threshold;

    @Option(names = "--json", description = {"Print {distance, similarity, match, threshold, metric, matchedFaceId,",
            "false_accept_rate, false_accept_rate_at_most} as JSON; false_accept_rate is null when the server measured",
            "none for the collection's model and metric."})
    boolean json;

    /** The two sides; a photo that cannot be read ends the command with {@link UnusablePhoto}. */
    abstract FaceReference first();

    abstract FaceReference second();

    /** True when a side is a photo, so that INVALID_ARGUMENT is about it. */
    abstract boolean hasPhoto();

    @Override
    final int run(FaceSearchClient client) {
        VerifyResult v;
        try {
            v = client.verify(first(), second(), VerifyOptions.inCollection(collection).withThreshold(threshold));
        } catch (UnusablePhoto e) {
            err().println(e.getMessage());
            return ExitStatus.BAD_PHOTO;
        } catch (FaceSearchException e) {
            return report(e, client.target(), hasPhoto());
        }
        if (json) {
            out().println(Json.verification(v));
        } else {
            out().printf("%s: similarity %.2f%%, %s distance %.4f %s threshold %.4f%s%s%n", v.match() ? "same person" : "different people",
                    v.similarity(), CollectionsCommand.lower(v.metric()), v.distance(), v.match() ? "<=" : ">", v.threshold(),
                    FalseAcceptRateOutput.text(v.falseAcceptRate(), v.falseAcceptRateAtMost()),
                    v.matchedFaceId() == null ? "" : " (enrolled face " + v.matchedFaceId() + ")");
        }
        return ExitStatus.OK;
    }

    /** An argument naming a photo file or, when no such file exists, an enrolled face id. */
    static FaceReference photoOrFace(String argument) {
        Path file = Path.of(argument);
        if (!Files.exists(file) && FACE_ID.matcher(argument).matches()) {
            return FaceReference.face(argument.toLowerCase(java.util.Locale.ROOT));
        }
        return photo(file);
    }

    static FaceReference photo(Path file) {
        try {
            return FaceReference.photo(Photo.read(file));
        } catch (IOException e) {
            throw new UnusablePhoto(file + ": " + PhotoFiles.whyUnreadable(e));
        }
    }

    static boolean isFaceId(String argument) {
        return !Files.exists(Path.of(argument)) && FACE_ID.matcher(argument).matches();
    }

    /** A photo named on the command line that cannot be read. */
    static final class UnusablePhoto extends RuntimeException {
        UnusablePhoto(String message) {
            super(message);
        }
    }
}
