package io.facesearch.indexer.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.indexer.progress.Progress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did, photo by photo, summed up as the final JSON report. Every photo the input holds
 * (every file the labels accept) ends in exactly one of: enrolled, without a face, refused, done by
 * an earlier run, a copy of another photo, or not sent (the run stopped first). So
 * {@code imagesRead} is the sum of those six. Outcomes come from several threads.
 *
 * <p>Problems are grouped by reason, each group with its count and its first
 * {@value ExampleList#MAX_EXAMPLES} paths.
 */
public final class RunReport {
    private final Map<String, Object> about;
    private final Progress progress;
    private long started;
    private long finished;
    private long ignored;
    private long read;
    private long indexedBefore;
    private long enrolledImages;
    private long faces;
    private long replayed;
    private long withoutFace;
    private long refused;
    private long reconnects;
    private final ExampleList duplicates = new ExampleList();
    private final ExampleList notSent = new ExampleList();
    private final Map<String, ExampleList> refusals = new TreeMap<>();
    private List<String> missing = List.of();
    private String inputError;
    private String error;

    /**
     * @param about what the run is (input, collection, server, labels...), printed first in the
     *     report, in this order; values are strings, numbers, booleans or null
     * @param progress told of each photo's end
     */
    public RunReport(Map<String, Object> about, Progress progress) {
        this.about = about;
        this.progress = progress;
    }

    public synchronized void start() {
        started = System.nanoTime();
    }

    public synchronized void finish() {
        finished = System.nanoTime();
    }

    /** A file that is not a photo to index (another extension, not in the manifest). */
    public synchronized void ignored() {
        ignored++;
    }

    /** A photo to index was met; one of the outcomes below follows. */
    public synchronized void read() {
        read++;
    }

    public synchronized void indexedBefore() {
        indexedBefore++;
        progress.skipped();
    }

    public synchronized void duplicate(String path, String sameAs) {
        duplicates.add(example(path).put("sameAs", sameAs));
        progress.skipped();
    }

    public synchronized void enrolled(int photoFaces, int photoReplayed) {
        enrolledImages++;
        faces += photoFaces;
        replayed += photoReplayed;
        progress.done(photoFaces);
    }

    public synchronized void noFace() {
        withoutFace++;
        progress.done(0);
    }

    /**
     * @param reason a short upper-case code: the pipeline's (NOT_AN_IMAGE, CORRUPT, ...), the
     *     reader's (UNREADABLE, TOO_LARGE), the labels' (NO_SUBJECT_FOLDER) or the server's
     *     (SERVER_INVALID_ARGUMENT, ...)
     */
    public synchronized void refused(String path, String reason, String message) {
        refused++;
        refusals.computeIfAbsent(reason, r -> new ExampleList()).add(example(path).put("message", message));
        progress.done(0);
    }

    /** A photo left for the next run: the run stopped before the server acknowledged it. */
    public synchronized void notSent(String path) {
        notSent.add(example(path));
        progress.done(0);
    }

    /** The stream to the server broke and is being reopened. */
    public synchronized void reconnecting() {
        reconnects++;
    }

    /** Manifest rows whose photo the input does not hold. */
    public synchronized void missing(List<String> paths) {
        missing = List.copyOf(paths);
    }

    /** The input could not be read to its end (a damaged archive); what came before stands. */
    public synchronized void inputError(String message) {
        inputError = message;
    }

    /** The run stopped early for this reason (the server gone, the journal unwritable). */
    public synchronized void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    public synchronized boolean completed() {
        return error == null;
    }

    /** True when some photo could not be indexed for a reason of its own, or the input was damaged. */
    public synchronized boolean hasRefusals() {
        return refused > 0 || inputError != null || !missing.isEmpty();
    }

    public synchronized long facesEnrolled() {
        return faces;
    }

    public synchronized ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        about.forEach((k, v) -> n.set(k, v == null ? f.nullNode() : f.pojoNode(v)));
        n.put("completed", error == null);
        if (error != null) {
            n.put("error", error);
        }
        n.put("imagesRead", read);
        n.put("imagesEnrolled", enrolledImages);
        n.put("facesEnrolled", faces);
        n.put("facesAlreadyStored", replayed);
        n.put("imagesWithoutFace", withoutFace);
        n.put("imagesIndexedBefore", indexedBefore);
        n.set("duplicates", duplicates.toJson());
        ObjectNode refusedNode = n.putObject("imagesRefused");
        refusedNode.put("count", refused);
        ObjectNode reasons = refusedNode.putObject("byReason");
        refusals.forEach((reason, list) -> reasons.set(reason, list.toJson()));
        n.set("imagesNotSent", notSent.toJson());
        n.put("entriesIgnored", ignored);
        n.put("serverReconnects", reconnects);
        if (!missing.isEmpty()) {
            ObjectNode m = n.putObject("manifestRowsMissing");
            m.put("count", missing.size());
            missing.stream().limit(ExampleList.MAX_EXAMPLES).forEach(m.putArray("examples")::add);
        }
        if (inputError != null) {
            n.put("inputError", inputError);
        }
        long processed = enrolledImages + withoutFace + refused;
        double seconds = ((finished == 0 ? System.nanoTime() : finished) - started) / 1e9;
        n.put("imagesProcessed", processed);
        n.put("durationSeconds", round(seconds));
        n.put("imagesPerSecond", round(seconds > 0 ? processed / seconds : 0));
        n.put("facesPerSecond", round(seconds > 0 ? faces / seconds : 0));
        return n;
    }

    /** A line for people: what was done, in one sentence. */
    public synchronized String summary() {
        StringBuilder b = new StringBuilder().append(faces).append(faces == 1 ? " face" : " faces").append(" from ")
                .append(enrolledImages).append(" of ").append(read).append(read == 1 ? " photo" : " photos");
        if (withoutFace > 0) {
            b.append(", ").append(withoutFace).append(" without a face");
        }
        if (refused > 0) {
            b.append(", ").append(refused).append(" refused");
        }
        if (indexedBefore > 0) {
            b.append(", ").append(indexedBefore).append(" done before");
        }
        if (duplicates.count() > 0) {
            b.append(", ").append(duplicates.count()).append(duplicates.count() == 1 ? " copy" : " copies").append(" of another");
        }
        if (notSent.count() > 0) {
            b.append(", ").append(notSent.count()).append(" not sent");
        }
        return b.toString();
    }

    private static ObjectNode example(String path) {
        return JsonNodeFactory.instance.objectNode().put("path", path);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
