package io.facesearch.cli.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.PhotoFiles;
import io.facesearch.cli.Table;
import io.facesearch.client.Box;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.Match;
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
        description = {"Find who is in photos, among the faces enrolled on a FaceSearch server.",
            "Every face of each photo is searched. Folders are walked recursively.",
            "Prints a table (one row per match, '(unknown)' for a face matching nobody) or, with --json, one object per photo.",
            "Exit status: 0 when every photo was searched, 3 when a photo is unreadable or not an image, "
                + "1 when the server refused the request, 4 when it could not be reached."})
public final class SearchCommand extends ServerCommand {

    @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME", description = "The collection to search.")
    String collection;

    @Option(names = {"-k", "--top-k"}, paramLabel = "K", description = "Matches per face, at most 1000 (default: 10).")
    int topK;

    @Option(names = "--threshold", paramLabel = "DISTANCE", description = "Only matches nearer than this (default: the collection's).")
    float threshold;

    @Option(names = "--exact", description = "Compare with every enrolled face rather than the index: slow, for audits.")
    boolean exact;

    @Option(names = "--json", description = "Print one JSON object per photo.")
    boolean json;

    @Parameters(paramLabel = "FILES|DIRS", arity = "1..*", description = "Photos, or folders of them.")
    List<Path> paths;

    @Override
    int run(FaceSearchClient client) {
        SearchOptions options = new SearchOptions(topK, threshold, exact);
        Table table = new Table("FILE", ">FACE", "SUBJECT", ">SIMILARITY", ">DISTANCE", "FACE ID");
        if (topK < 0 || topK > 1000 || threshold < 0) {
            err().println("facesearch: --top-k is in [1, 1000] and --threshold is a positive distance");
            return ExitStatus.USAGE;
        }
        List<Path> files = PhotoFiles.expand(paths);
        if (files.isEmpty()) {
            err().println("facesearch: no photo (" + PhotoFiles.extensions() + ") in " + paths);
            return ExitStatus.USAGE;
        }
        int status = ExitStatus.OK;
        try {
            for (Path file : files) {
                status = ExitStatus.worst(status, search(client, file, options, table));
            }
        } finally {
            // What was found before a failure is still worth showing.
            if (!json && !table.isEmpty()) {
                table.print(out());
            }
        }
        return status;
    }

    private int search(FaceSearchClient client, Path file, SearchOptions options, Table table) {
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
            rows(table, file, results);
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

    private static void rows(Table table, Path file, List<SearchResult> results) {
        if (results.isEmpty()) {
            table.add(file, "-", "(no face)", "", "", "");
        }
        for (int i = 0; i < results.size(); i++) {
            SearchResult r = results.get(i);
            String face = (i + 1) + " " + box(r.face().box());
            if (r.matches().matches().isEmpty()) {
                table.add(file, face, "(unknown)", "", "", "");
            }
            for (Match m : r.matches().matches()) {
                table.add(file, face, m.subjectId(), "%.1f%%".formatted(m.similarity()), "%.4f".formatted(m.distance()), m.faceId());
            }
        }
    }

    private static String box(Box b) {
        return "[%d,%d %dx%d]".formatted(Math.round(b.x()), Math.round(b.y()), Math.round(b.width()), Math.round(b.height()));
    }

    private static ObjectNode photo(Path file, List<SearchResult> results) {
        ObjectNode n = Json.object().put("file", file.toString());
        ArrayNode faces = n.putArray("faces");
        for (SearchResult r : results) {
            ObjectNode face = faces.addObject();
            face.set("box", Json.box(r.face().box()));
            face.put("quality", Json.round(r.face().quality()));
            if (r.face().faceQuality() != null) {
                face.set("faceQuality", Json.faceQuality(r.face().faceQuality()));
            }
            Json.matches(face, r.matches());
        }
        return n;
    }
}
