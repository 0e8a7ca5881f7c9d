package io.facesearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.testing.ChildJvm;
import io.facesearch.client.Face;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.client.testing.TestServer;
import io.facesearch.indexer.identity.ContentHash;
import io.facesearch.indexer.identity.FaceIdentity;
import io.facesearch.indexer.journal.JournalEntry;
import io.facesearch.indexer.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer killed (SIGKILL, in a child JVM) partway through a few hundred photos, then run
 * again with the same command: the collection ends up with exactly one face per photo with a face,
 * none twice, and the second run did not redo what the first had recorded.
 */
class ResumeAfterKillIT {
    private static final int PHOTOS = 160;
    /** Journal records to wait for before the kill: well inside the run, after the models loaded. */
    private static final int KILL_AFTER = 40;
    private static final long CHILD_TIMEOUT_SECONDS = 180;

    @TempDir
    Path temp;

    @Test
    void killedRunResumesWithoutDuplicates() throws Exception {
        Path photos = SharedPhotos.copy(SharedPhotos.first(SharedPhotos.lfw(), PHOTOS), temp.resolve("photos"));
        Path journals = temp.resolve("journals");
        try (TestServer server = TestServer.withoutPipeline(temp.resolve("server")); FaceSearchClient client = server.client()) {
            String[] command = {"--server", server.target(), "--token", server.adminKey(), "-c", "resumed", "--create", "--journal", journals.toString(),
                "--threads", "2", "-q", photos.toString()};

            ChildJvm child = ChildJvm.start(temp, "indexer", concat("index", command));
            Path journal = awaitRecords(journals, KILL_AFTER, child);
            child.kill();
            List<JournalEntry> beforeResume = read(journal);
            assertTrue(beforeResume.size() >= KILL_AFTER && beforeResume.size() < PHOTOS,
                    "killed midway: " + beforeResume.size() + " photos journaled of " + PHOTOS);

            IndexCli.Run resumed = IndexCli.index(command);
            assertEquals(ExitStatus.OK, resumed.status(), resumed::toString);
            JsonNode report = resumed.report();
            assertTrue(report.path("completed").asBoolean());
            assertEquals(PHOTOS, report.path("imagesRead").asInt());
            assertEquals(beforeResume.size(), report.path("imagesIndexedBefore").asInt(), "the second run skips what the first recorded");
            assertEquals(PHOTOS, report.path("imagesIndexedBefore").asInt() + report.path("imagesEnrolled").asInt()
                    + report.path("imagesWithoutFace").asInt(), report::toPrettyString);

            List<JournalEntry> all = read(journal);
            assertEquals(PHOTOS, all.size(), "one record per photo");
            assertEquals(PHOTOS, all.stream().map(JournalEntry::photo).distinct().count());
            Set<String> expected = new HashSet<>();
            for (JournalEntry e : all) {
                if (e.outcome() == JournalEntry.Outcome.ENROLLED) {
                    assertEquals(1, e.faces(), "labelled photos keep their main face only: " + e);
                    expected.add(FaceIdentity.of(e.photo(), folderOf(e.path()), 0).requestId());
                }
            }
            assertTrue(expected.size() > PHOTOS * 9 / 10, "nearly every LFW photo has a face: " + expected.size());

            List<Face> stored = StoredFaces.of(client, "resumed");
            Set<String> requestIds = stored.stream().map(Face::requestId).collect(Collectors.toSet());
            assertEquals(stored.size(), requestIds.size(), "no face stored twice");
            assertEquals(expected, requestIds, "exactly the faces of the photos journaled as enrolled");
            assertEquals(stored.size(), client.describeCollection("resumed").faceCount());
            for (Face f : stored) {
                assertEquals(folderOf(f.metadata().get("file")), f.subjectId());
                assertEquals(f.metadata().get("sha256"),
                        ContentHash.of(Files.readAllBytes(photos.resolve(f.metadata().get("file")))).hex());
            }
        }
    }

    /** Waits until the child's journal holds {@code count} records, and returns it. */
    private static Path awaitRecords(Path journals, int count, ChildJvm child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!child.process().isAlive()) {
                fail("the indexer ended before it could be killed (exit " + child.process().exitValue() + "):\n" + child.output());
            }
            if (Files.isDirectory(journals)) {
                try (Stream<Path> files = Files.list(journals)) {
                    List<Path> found = files.toList();
                    if (found.size() == 1 && read(found.getFirst()).size() >= count) {
                        return found.getFirst();
                    }
                }
            }
            Thread.sleep(100);
        }
        child.kill();
        fail("no " + count + " journal records within " + CHILD_TIMEOUT_SECONDS + " s:\n" + child.output());
        return null;
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static List<JournalEntry> read(Path journal) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        JournalReader.read(journal, entries::add);
        return entries;
    }

    private static String folderOf(String path) {
        String[] parts = path.split("/");
        assertFalse(parts.length < 2, path);
        return parts[parts.length - 2];
    }
}
