package io.facesearch.cli.remote;

import io.facesearch.cli.Table;
import io.facesearch.client.Box;
import io.facesearch.client.Match;
import io.facesearch.client.Matches;
import io.facesearch.client.SearchResult;
import io.facesearch.client.SubjectCandidate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The tables {@code facesearch search} prints: who each face is (one row per candidate subject, the
 * decision on the face's first row) and, on request, the face matches within the distance threshold.
 */
final class SearchTables {
    private final Table subjects = new Table("FILE", ">FACE", "DECISION", "SUBJECT", ">CONFIDENCE", ">DISTANCE", "FACE ID");
    private final Table faces = new Table("FILE", ">FACE", "SUBJECT", ">SIMILARITY", ">DISTANCE", "FACE ID");

    /** Adds the rows of one photo's faces. */
    void add(Path file, List<SearchResult> results) {
        if (results.isEmpty()) {
            subjects.add(file, "-", "(no face)", "", "", "", "");
        }
        for (int i = 0; i < results.size(); i++) {
            SearchResult r = results.get(i);
            String face = (i + 1) + " " + box(r.face().box());
            addCandidates(file, face, r.matches());
            addFaceMatches(file, face, r.matches());
        }
    }

    private void addCandidates(Path file, String face, Matches m) {
        String decision = m.decision().name().toLowerCase(Locale.ROOT);
        if (m.candidates().isEmpty()) {
            subjects.add(file, face, decision, "", "", "", "");
        }
        for (int i = 0; i < m.candidates().size(); i++) {
            SubjectCandidate c = m.candidates().get(i);
            subjects.add(file, face, i == 0 ? decision : "", c.subjectId(), "%.1f%%".formatted(100 * c.confidence()),
                    "%.4f".formatted(c.distance()), c.faceId());
        }
    }

    private void addFaceMatches(Path file, String face, Matches m) {
        if (m.matches().isEmpty()) {
            faces.add(file, face, "(no match)", "", "", "");
        }
        for (Match x : m.matches()) {
            faces.add(file, face, x.subjectId(), "%.1f%%".formatted(x.similarity()), "%.4f".formatted(x.distance()), x.faceId());
        }
    }

    /** Prints the subjects' table, then, when face matches were asked for, theirs after a blank line. */
    void print(PrintWriter out, boolean withFaceMatches) {
        if (subjects.isEmpty()) {
            return;
        }
        subjects.print(out);
        if (withFaceMatches && !faces.isEmpty()) {
            out.println();
            faces.print(out);
        }
    }

    private static String box(Box b) {
        return "[%d,%d %dx%d]".formatted(Math.round(b.x()), Math.round(b.y()), Math.round(b.width()), Math.round(b.height()));
    }
}
