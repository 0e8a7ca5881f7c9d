package io.facesearch.cli.remote;

import io.facesearch.api.v1.ProtocolLimit;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.PhotoFiles;
import io.facesearch.cli.Progress;
import io.facesearch.cli.TerminalBar;
import io.facesearch.client.BulkEnrollment;
import io.facesearch.client.Enrollment;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.FaceSelection;
import io.facesearch.client.Photo;
import io.facesearch.client.StatusCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code facesearch enroll}: the faces of many photos, over one stream, with a progress bar. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Enrol the faces of photos under a subject, on a FaceSearch server.",
            "Folders are walked recursively.",
            "Each photo is sent with a request id made from the subject and the photo's bytes, so running the command "
                + "again (after an interruption, say) enrols no photo twice.",
            "Exit status: 0 when every photo was enrolled, 3 when a photo is unreadable, not an image or holds no face, "
                + "1 when the server refused the request, 4 when it could not be reached."})
public final class EnrollCommand extends ServerCommand {
    /** The longest metadata value a request may carry. */
    private static final int MAX_METADATA_VALUE = ProtocolLimit.MAX_METADATA_VALUE_BYTES.getNumber();

    @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME", description = "The collection to enrol into.")
    String collection;

    @Option(names = {"-s", "--subject"}, required = true, paramLabel = "ID", description = "The person the photos show.")
    String subject;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE",
            description = "Data kept with each face; repeatable. The photo's path is kept as 'file' unless given.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--faces", paramLabel = "main|all|fail_if_several",
            description = "Which faces of a photo with several to enrol (default: main, the largest face near the centre).")
    FaceSelection faceSelection = FaceSelection.MAIN;

    @Option(names = "--json", description = "Print one JSON object per photo.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary; problems are still reported.")
    boolean quiet;

    @Option(names = "--progress", description = "Show the progress bar even when not on a terminal.")
    boolean progress;

    @Parameters(paramLabel = "FILES|DIRS", arity = "1..*", description = "Photos, or folders of them.")
    List<Path> paths;

    @Override
    int run(FaceSearchClient client) {
        List<Path> files = PhotoFiles.expand(paths);
        if (files.isEmpty()) {
            err().println("facesearch: no photo (" + PhotoFiles.extensions() + ") in " + paths);
            return ExitStatus.USAGE;
        }
        // An unknown collection fails here, once, rather than once per photo.
        client.describeCollection(collection);

        FaceSearchException streamFailure = null;
        EnrollReport report;
        try (Progress bar = !quiet && (progress || TerminalBar.onTerminal())
                ? Progress.bar("enrolling", "photos", files.size(), err()) : Progress.none()) {
            report = new EnrollReport(out(), err(), json, bar);
            BulkEnrollment bulk = client.bulkEnroll(report::accept);
            try {
                for (Path file : files) {
                    submit(bulk, file, report);
                }
                bulk.awaitCompletion();
            } catch (FaceSearchException e) {
                streamFailure = e;
            } catch (InterruptedException e) {
                bulk.cancel();
                Thread.currentThread().interrupt();
                streamFailure = new FaceSearchException(StatusCode.CANCELLED, "interrupted", e);
            }
        }
        report.printDeferred();
        if (!quiet) {
            report.printSummary(subject, collection, files.size());
        }
        int status = report.status();
        if (streamFailure != null) {
            status = ExitStatus.worst(status, report(streamFailure, client.target(), false));
            err().println("run the command again to enrol the photos left: those already enrolled are not enrolled twice");
        }
        return status;
    }

    private void submit(BulkEnrollment bulk, Path file, EnrollReport report) throws InterruptedException {
        Photo photo;
        try {
            photo = Photo.read(file);
        } catch (IOException e) {
            report.unreadable(file, e);
            return;
        }
        String requestId = requestId(photo);
        if (!report.expect(requestId, file)) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        String path = file.toString();
        if (path.getBytes(StandardCharsets.UTF_8).length <= MAX_METADATA_VALUE) {
            data.put("file", path);
        }
        data.putAll(metadata);
        bulk.submit(Enrollment.of(collection, subject, photo).withMetadata(data).withFaceSelection(faceSelection)
                .withRequestId(requestId));
    }

    /** The same photo for the same subject and selection always gets the same id: the server enrols it once. */
    private String requestId(Photo photo) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((subject + '\0' + faceSelection + '\0').getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha.digest(photo.bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
