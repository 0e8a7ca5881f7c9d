package io.facesearch.cli.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.PhotoFiles;
import io.facesearch.cli.Progress;
import io.facesearch.client.BulkEnrollment;
import io.facesearch.client.EnrollResult;
import io.facesearch.client.EnrolledFace;
import io.facesearch.client.RejectedFace;
import io.facesearch.client.StatusCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code enroll} tells about each photo and in sum. Results arrive on gRPC's thread while
 * photos are still being sent, hence the synchronisation. While a progress bar is drawn, problems
 * wait until it is gone, so that neither garbles the other.
 */
final class EnrollReport {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final Progress progress;
    private final Map<String, Path> files = new HashMap<>();
    private final List<String> deferred = new ArrayList<>();
    private int photosEnrolled;
    private int faces;
    private int replayed;
    private int withoutFace;
    private int failed;
    /** Faces the server's quality gate refused, in photos with or without an enrolled face. */
    private int belowQuality;
    private int status = ExitStatus.OK;

    EnrollReport(PrintWriter out, PrintWriter err, boolean json, Progress progress) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.progress = progress;
    }

    /** Registers a photo about to be sent; false when the same photo is already on its way. */
    synchronized boolean expect(String requestId, Path file) {
        Path earlier = files.putIfAbsent(requestId, file);
        if (earlier != null) {
            progress.step();
            problem(file, "the same photo as " + earlier + "; sent once", null);
            return false;
        }
        return true;
    }

    synchronized void unreadable(Path file, IOException e) {
        failed++;
        status = ExitStatus.worst(status, ExitStatus.BAD_PHOTO);
        progress.step();
        problem(file, PhotoFiles.whyUnreadable(e), "UNREADABLE");
    }

    synchronized void accept(BulkEnrollment.ItemResult r) {
        Path file = files.get(r.requestId());
        progress.step();
        if (!r.succeeded()) {
            failed++;
            StatusCode code = r.error().code();
            if (code == StatusCode.UNAVAILABLE || code == StatusCode.CANCELLED || code == StatusCode.DEADLINE_EXCEEDED) {
                return; // the stream's failure, reported once for all by the command
            }
            status = ExitStatus.worst(status, ExitStatus.of(code, true));
            problem(file, r.error().serverMessage(), code.toString());
            return;
        }
        EnrollResult result = r.result();
        belowQuality += (int) result.rejected().stream().filter(f -> f.reason() != RejectedFace.Reason.NOT_MAIN
                && f.reason() != RejectedFace.Reason.SEVERAL_FACES && f.reason() != RejectedFace.Reason.OTHER).count();
        if (result.enrolled()) {
            photosEnrolled++;
            faces += result.faces().size();
            replayed += result.replayed() ? 1 : 0;
        } else {
            withoutFace++;
            status = ExitStatus.worst(status, ExitStatus.BAD_PHOTO);
            if (!json) {
                problem(file, result.rejected().isEmpty() ? "no face found" : noneEnrolled(result.rejected()), null);
            }
        }
        if (json) {
            out.println(photo(file, result));
            out.flush();
        }
    }

    /** Why a photo whose faces were all refused enrolled nothing: the first face's reason, which is the main face's. */
    private static String noneEnrolled(List<RejectedFace> rejected) {
        RejectedFace first = rejected.getFirst();
        return rejected.size() + (rejected.size() == 1 ? " face" : " faces") + " found, none enrolled ("
                + first.reason().name().toLowerCase(Locale.ROOT) + "): " + first.message();
    }

    /** Problems held back while the progress bar was drawn. */
    synchronized void printDeferred() {
        deferred.forEach(err::println);
        deferred.clear();
        err.flush();
    }

    synchronized void printSummary(String subject, String collection, int photos) {
        StringBuilder b = new StringBuilder().append("enrolled ").append(faces).append(faces == 1 ? " face" : " faces")
                .append(" of ").append(subject).append(" into ").append(collection).append(" from ").append(photosEnrolled)
                .append(" of ").append(photos).append(photos == 1 ? " photo" : " photos");
        List<String> notes = new ArrayList<>();
        if (replayed > 0) {
            notes.add(replayed + " already enrolled before");
        }
        if (withoutFace > 0) {
            notes.add(withoutFace + " without a face enrolled");
        }
        if (failed > 0) {
            notes.add(failed + " failed");
        }
        if (belowQuality > 0) {
            notes.add(belowQuality + (belowQuality == 1 ? " face" : " faces") + " below the collection's quality settings");
        }
        if (!notes.isEmpty()) {
            b.append(" (").append(String.join(", ", notes)).append(')');
        }
        // With --json, stdout holds only the JSON lines.
        (json ? err : out).println(b);
        (json ? err : out).flush();
    }

    synchronized int status() {
        return status;
    }

    private void problem(Path file, String message, String code) {
        if (json) {
            ObjectNode n = Json.object();
            n.put("file", String.valueOf(file));
            n.put("error", message);
            if (code != null) {
                n.put("code", code);
            }
            out.println(n);
            out.flush();
            return;
        }
        String line = file + ": " + message;
        if (progress.visible()) {
            deferred.add(line);
        } else {
            err.println(line);
            err.flush();
        }
    }

    private static ObjectNode photo(Path file, EnrollResult result) {
        ObjectNode n = Json.object();
        n.put("file", String.valueOf(file));
        n.put("requestId", result.requestId());
        n.put("replayed", result.replayed());
        ArrayNode faces = n.putArray("faces");
        for (EnrolledFace f : result.faces()) {
            ObjectNode face = faces.addObject();
            face.put("faceId", f.faceId());
            if (f.box() != null) {
                face.set("box", Json.box(f.box()));
            }
            face.put("quality", Json.round(f.quality()));
        }
        ArrayNode rejected = n.putArray("rejected");
        for (RejectedFace f : result.rejected()) {
            ObjectNode face = rejected.addObject();
            face.put("reason", f.reason().name().toLowerCase(Locale.ROOT));
            face.set("box", Json.box(f.box()));
            face.put("message", f.message());
        }
        return n;
    }
}
