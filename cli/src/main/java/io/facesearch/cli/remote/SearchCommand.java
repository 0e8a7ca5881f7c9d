package io.facesearch.cli.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.PhotoFiles;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.Photo;
import io.facesearch.client.SearchOptions;
import io.facesearch.client.SearchResult;
import io.facesearch.client.StatusCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code facesearch search}: who is in these photos? */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find who is in photos, among the subjects enrolled on a FaceSearch server.",
            "Every face of each photo is searched. Folders are walked recursively.",
            "Each face is identified as an enrolled subject or unknown, at the target false positive identification rate (FPIR)"
                + " of the collection or of --target-fpir; its nearest subjects are listed as candidates, best first.",
            "Prints a table (one row per candidate subject, the decision on the face's first row, 'unknown' alone for a face near"
                + " nobody; with --faces a second table of the face matches) or, with --json, one object per photo.",
            "Exit status: 0 when every photo was searched, 3 when a photo is unreadable or not an image, "
                + "1 when the server refused the request, 4 when it could not be reached."})
public final class SearchCommand extends ServerCommand {

    @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME", description = "The collection to search.")
    String collection;

    @Option(names = {"-k", "--top-k"}, paramLabel = "K",
            description = "Candidate subjects (and face matches) per face, at most 1000 (default: 10).")
    int topK;

    @Option(names = "--target-fpir", paramLabel = "RATE",
            description = "The false positive identification rate the decision is set for, in (0, 1): the share of people who are"
                + " not enrolled that may be identified as someone (default: the collection's).")
    double targetFpir;

    @Option(names = "--faces", description = "Also find and print the face matches: enrolled faces nearer than the threshold.")
    boolean faceMatches;

    @Option(names = "--threshold", paramLabel = "DISTANCE",
            description = "With --faces: only face matches nearer than this (default: the collection's). The decision does not use it.")
    float threshold;

    @Option(names = "--exact", description = "Compare with every enrolled face rather than the index: slow, for audits.")
    boolean exact;

    @Option(names = "--json", description = "Print one JSON object per photo.")
    boolean json;

    @Parameters(paramLabel = "FILES|DIRS", arity = "1..*", description = "Photos, or folders of them.")
    List<Path> paths;

    @Override
    int run(FaceSearchClient client) {
        if (topK < 0 || topK > 1000 || threshold < 0 || !(targetFpir == 0 || targetFpir > 0 && targetFpir < 1)) {
            err().println("facesearch: --top-k is in [1, 1000], --threshold is a positive distance and --target-fpir is in (0, 1)");
            return ExitStatus.USAGE;
        }
        SearchOptions options = new SearchOptions(topK, threshold, exact, targetFpir, faceMatches);
        SearchTables tables = new SearchTables();
        List<Path> files = PhotoFiles.expand(paths);
        if (files.isEmpty()) {
            err().println("facesearch: no photo (" + PhotoFiles.extensions() + ") in " + paths);
            return ExitStatus.USAGE;
        }
        int status = ExitStatus.OK;
        try {
            for (Path file : files) {
                status = ExitStatus.worst(status, search(client, file, options, tables));
            }
        } finally {
            // What was found before a failure is still worth showing.
            if (!json) {
                tables.print(out(), faceMatches);
            }
        }
        return status;
    }

    private int search(FaceSearchClient client, Path file, SearchOptions options, SearchTables tables) {
        List<SearchResult> results;
        try {
            results = client.search(collection, Photo.read(file), options);
        } catch (IOException e) {
            return fail(file, PhotoFiles.whyUnreadable(e), ExitStatus.BAD_PHOTO);
        } catch (FaceSearchException e) {
            if (e.code() != StatusCode.INVALID_ARGUMENT) {
                throw e; // about the collection or the server, not this photo: the rest would fail alike
            }
            return fail(file, e.serverMessage(), ExitStatus.BAD_PHOTO);
        }
        if (json) {
            out().println(photo(file, results));
            out().flush();
        } else {
            tables.add(file, results);
        }
        return ExitStatus.OK;
    }

    private int fail(Path file, String message, int status) {
        if (json) {
            out().println(Json.object().put("file", file.toString()).put("error", message));
            out().flush();
        } else {
            err().println(file + ": " + message);
            err().flush();
        }
        return status;
    }

    private ObjectNode photo(Path file, List<SearchResult> results) {
        ObjectNode n = Json.object().put("file", file.toString());
        ArrayNode faces = n.putArray("faces");
        for (SearchResult r : results) {
            ObjectNode face = faces.addObject();
            face.set("box", Json.box(r.face().box()));
            face.put("quality", Json.round(r.face().quality()));
            if (r.face().faceQuality() != null) {
                face.set("faceQuality", Json.faceQuality(r.face().faceQuality()));
            }
            Json.matches(face, r.matches(), faceMatches);
        }
        return n;
    }
}
