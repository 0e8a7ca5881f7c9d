package io.facesearch.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.testing.Cli;
import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.client.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enroll}, {@code search}, {@code faces verify} and {@code subjects verify} with real
 * photos through the server's face pipeline. One server for the class; each test its own collection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoCommandsTest {
    TestServer server;
    Path photos;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        SharedPhotos.faces();
        server = TestServer.withPipeline(dir.resolve("data"));
        photos = dir.resolve("photos");
        Files.createDirectories(photos.resolve("more"));
        Files.copy(SharedPhotos.lfw("George_W_Bush", 1), photos.resolve("bush1.jpg"));
        Files.copy(SharedPhotos.lfw("George_W_Bush", 2), photos.resolve("bush2.JPG"));
        Files.copy(SharedPhotos.lfw("George_W_Bush", 3), photos.resolve("more").resolve("bush3.jpg"));
        Files.writeString(photos.resolve("bad.jpg"), "not a photo");
        Files.copy(SharedPhotos.file("negatives/skimage_brick.png"), photos.resolve("more").resolve("brick.png"));
        Files.writeString(photos.resolve("notes.txt"), "not a photo, and not named like one: skipped");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    Cli.Run run(String... args) {
        return Cli.againstWithKey(server.target(), server.adminKey(), args);
    }

    /** A collection holding bush (from 2 photos) and powell (from 2 photos). */
    void enrolTwoPeople(String collection) {
        assertEquals(0, run("collections", "create", collection).status());
        assertEquals(0, run("enroll", "-c", collection, "-s", "bush", lfw("George_W_Bush", 1), lfw("George_W_Bush", 2)).status());
        assertEquals(0, run("enroll", "-c", collection, "-s", "powell", lfw("Colin_Powell", 1), lfw("Colin_Powell", 2)).status());
    }

    static String lfw(String person, int n) {
        return SharedPhotos.lfw(person, n).toString();
    }

    @Test
    void enrolWalksFoldersReportsBadPhotosAndNeverEnrolsTwice() {
        run("collections", "create", "walk");
        Path missing = photos.resolve("missing.jpg");
        Cli.Run first = run("enroll", "-c", "walk", "-s", "bush", photos.toString(), missing.toString());
        assertEquals(3, first.status(), first.toString());
        assertTrue(first.err().contains(photos.resolve("bad.jpg") + ": image refused"), first.err());
        assertTrue(first.err().contains(photos.resolve("more").resolve("brick.png") + ": no face found"), first.err());
        assertTrue(first.err().contains(missing + ": cannot read: no such file"), first.err());
        assertFalse(first.err().contains("notes.txt"), "only photo names are taken from folders");
        assertEquals("enrolled 3 faces of bush into walk from 3 of 6 photos (1 without a face enrolled, 2 failed)", first.out().strip());

        Cli.Run again = run("enroll", "-c", "walk", "-s", "bush", photos.resolve("bush1.jpg").toString(), photos.resolve("more").toString(),
                photos.resolve("bush1.jpg").toString());
        assertEquals(3, again.status(), "the brick still has no face: " + again);
        assertTrue(again.out().contains("(2 already enrolled before, 1 without a face enrolled)"), again.out());
        assertTrue(again.err().contains("the same photo as"), again.err());
        assertTrue(run("collections", "describe", "walk").out().contains("faces:        3"), "nothing enrolled twice");

        Cli.Run clean = run("enroll", "-c", "walk", "-s", "bush", photos.resolve("bush1.jpg").toString());
        assertEquals(0, clean.status(), clean.toString());
    }

    @Test
    void enrolPrintsJsonLinesAndKeepsTheFileAsMetadata() throws Exception {
        run("collections", "create", "json");
        Cli.Run r = run("enroll", "-c", "json", "-s", "bush", "--json", "--metadata", "source=test",
                photos.resolve("bush1.jpg").toString(), photos.resolve("bad.jpg").toString());
        assertEquals(3, r.status());
        List<String> lines = r.lines();
        assertEquals(2, lines.size(), r.out());
        JsonNode ok = Json.MAPPER.readTree(lines.stream().filter(l -> l.contains("bush1")).findFirst().orElseThrow());
        assertTrue(ok.get("requestId").asText().startsWith("sha256:"));
        assertFalse(ok.get("replayed").asBoolean());
        String faceId = ok.get("faces").get(0).get("faceId").asText();
        assertTrue(ok.get("faces").get(0).get("box").get("width").asDouble() > 50);
        JsonNode bad = Json.MAPPER.readTree(lines.stream().filter(l -> l.contains("bad.jpg")).findFirst().orElseThrow());
        assertEquals("INVALID_ARGUMENT", bad.get("code").asText());
        assertTrue(r.err().startsWith("enrolled 1 face"), "with --json the summary goes to stderr: " + r.err());

        JsonNode face = Json.MAPPER.readTree(run("faces", "list", "-c", "json", "--json").out());
        assertEquals(faceId, face.get("faceId").asText());
        assertEquals(photos.resolve("bush1.jpg").toString(), face.get("metadata").get("file").asText());
        assertEquals("test", face.get("metadata").get("source").asText());
        assertEquals("image", face.get("source").asText());
    }

    @Test
    void enrolShowsProgressOnRequestAndIsQuietOnRequest() {
        run("collections", "create", "progress");
        Cli.Run bar = run("enroll", "-c", "progress", "-s", "bush", "--progress", photos.toString());
        assertTrue(bar.err().contains("enrolling 100%"), bar.err());
        assertTrue(bar.err().contains("6/6 photos") || bar.err().contains("5/5 photos"), bar.err());
        assertTrue(bar.err().contains("photos/s"), "the rate: " + bar.err());
        assertTrue(bar.err().indexOf("bad.jpg") > bar.err().lastIndexOf("100%"), "problems wait until the bar is done");

        Cli.Run quiet = run("enroll", "-c", "progress", "-s", "bush", "--quiet", photos.resolve("bush1.jpg").toString());
        assertEquals(0, quiet.status());
        assertEquals("", quiet.out());
        assertEquals("", quiet.err());
        Cli.Run notTerminal = run("enroll", "-c", "progress", "-s", "bush", photos.resolve("bush1.jpg").toString());
        assertFalse(notTerminal.err().contains("%"), "no bar when not on a terminal: " + notTerminal.err());
    }

    @Test
    void enrolsEveryFaceOfAGroupPhotoOnRequest() {
        run("collections", "create", "groups");
        String group = SharedPhotos.file("groups/face_recognition_obama_and_biden.jpg").toString();
        Cli.Run all = run("enroll", "-c", "groups", "-s", "pair", "--faces", "all", group);
        assertEquals(0, all.status(), all.toString());
        assertTrue(all.out().startsWith("enrolled 2 faces"), all.out());
        Cli.Run strict = run("enroll", "-c", "groups", "-s", "strict", "--faces", "fail_if_several", group);
        assertEquals(3, strict.status());
        assertTrue(strict.err().contains("2 faces found, none enrolled"), strict.err());
    }

    /** A face's rows, with the cells separated by two spaces or more as the table prints them. */
    static final String FACE_CELL = " +1 \\[\\d+,\\d+ \\d+x\\d+\\] +";

    @Test
    void searchPrintsOneRowPerCandidateSubjectWithTheDecision() throws Exception {
        enrolTwoPeople("search");
        Thread.sleep(1100); // faces are searchable within a second
        Cli.Run r = run("search", "-c", "search", lfw("George_W_Bush", 4), SharedPhotos.file("negatives/skimage_brick.png").toString(),
                SharedPhotos.lfw("Tony_Blair", 1).toString());
        assertEquals(0, r.status(), r.toString());
        List<String> lines = r.lines();
        assertTrue(lines.get(0).matches("FILE +FACE +DECISION +SUBJECT +CONFIDENCE +DISTANCE +FACE ID"), r.out());
        assertTrue(lines.get(1).matches(".*George_W_Bush_0004\\.jpg" + FACE_CELL + "identified +bush +\\d+\\.\\d% +0\\.\\d{4} +[0-9a-f-]{36}"),
                lines.get(1));
        assertTrue(lines.get(2).matches(".*George_W_Bush_0004\\.jpg" + FACE_CELL + "powell +\\d+\\.\\d% +\\d\\.\\d{4} +[0-9a-f-]{36}"),
                "the runner-up, without a decision of its own: " + lines.get(2));
        assertTrue(r.out().contains("(no face)"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Tony_Blair") && l.matches(".*" + FACE_CELL + "unknown +(bush|powell) .*")),
                "someone not enrolled: " + r.out());
        assertFalse(r.out().contains("SIMILARITY"), "face matches only with --faces: " + r.out());

        Cli.Run faces = run("search", "-c", "search", "--faces", lfw("George_W_Bush", 4));
        assertEquals(0, faces.status(), faces.toString());
        List<String> table = faces.lines();
        int blank = table.indexOf("");
        assertTrue(blank > 0, "the face matches follow the subjects after a blank line: " + faces.out());
        assertTrue(table.get(blank + 1).matches("FILE +FACE +SUBJECT +SIMILARITY +DISTANCE +FACE ID"), faces.out());
        assertTrue(table.get(blank + 2).matches(".*George_W_Bush_0004\\.jpg" + FACE_CELL + "bush +\\d+\\.\\d% +0\\.\\d{4} +[0-9a-f-]{36}"),
                faces.out());
        assertTrue(table.subList(blank + 1, table.size()).stream().noneMatch(l -> l.contains("powell")), "Powell is beyond the threshold");
    }

    @Test
    void searchPrintsTheDecisionCandidatesAndOpenSetBasisAsJson() throws Exception {
        enrolTwoPeople("search-json");
        Thread.sleep(1100);
        JsonNode json = Json.MAPPER.readTree(run("search", "-c", "search-json", "--json", "-k", "1", lfw("Colin_Powell", 3)).out());
        JsonNode face = json.get("faces").get(0);
        assertEquals("identified", face.get("decision").asText());
        assertFalse(face.get("unknown").asBoolean());
        assertEquals(1, face.get("candidates").size());
        JsonNode candidate = face.get("candidates").get(0);
        assertEquals(List.of("subjectId", "confidence", "distance", "faceId", "nearFaces"), fieldNames(candidate));
        assertEquals("powell", candidate.get("subjectId").asText());
        assertTrue(candidate.get("confidence").asDouble() > 0.5 && candidate.get("confidence").asDouble() <= 1, candidate.toString());
        assertTrue(candidate.get("distance").asDouble() < 0.6, candidate.toString());
        assertTrue(candidate.get("faceId").asText().matches("[0-9a-f-]{36}"), candidate.toString());
        JsonNode openSet = face.get("openSet");
        assertEquals(List.of("targetFpir", "score", "threshold", "source", "impostorSearches"), fieldNames(openSet));
        assertEquals(0.01, openSet.get("targetFpir").asDouble(), 1e-12);
        assertTrue(openSet.get("score").asDouble() > openSet.get("threshold").asDouble(), openSet.toString());
        assertTrue(List.of("calibrated_default", "collection_estimate").contains(openSet.get("source").asText()), openSet.toString());
        assertTrue(face.has("box") && face.has("quality") && face.has("threshold") && face.has("metric"), face.toString());
        assertFalse(face.has("matches"), "face matches only with --faces: " + face);

        JsonNode withFaces = Json.MAPPER.readTree(run("search", "-c", "search-json", "--json", "--faces", "--target-fpir", "0.001",
                lfw("Colin_Powell", 3)).out()).get("faces").get(0);
        assertEquals(0.001, withFaces.get("openSet").get("targetFpir").asDouble(), 1e-12, "the search's own rate");
        assertTrue(withFaces.get("matches").size() >= 1, withFaces.toString());
        assertEquals("powell", withFaces.get("matches").get(0).get("subjectId").asText());
        assertTrue(withFaces.get("matches").get(0).get("similarity").asDouble() > 50);

        JsonNode stranger = Json.MAPPER.readTree(run("search", "-c", "search-json", "--json", SharedPhotos.lfw("Tony_Blair", 1).toString())
                .out()).get("faces").get(0);
        assertEquals("unknown", stranger.get("decision").asText());
        assertTrue(stranger.get("unknown").asBoolean());
        assertEquals(2, stranger.get("candidates").size(), "the nearest subjects, though neither is the person");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void searchFailsClearly() {
        run("collections", "create", "empty");
        Cli.Run bad = run("search", "-c", "empty", photos.resolve("bad.jpg").toString(), photos.resolve("bush1.jpg").toString());
        assertEquals(3, bad.status());
        assertTrue(bad.err().contains("bad.jpg: image refused"), bad.err());
        assertTrue(bad.out().contains("bush1.jpg"), "the other photos are still searched: " + bad.out());
        Cli.Run unknown = run("search", "-c", "nowhere", photos.resolve("bush1.jpg").toString());
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("collection 'nowhere' does not exist"), unknown.err());
        assertEquals(3, run("search", "-c", "empty", photos.resolve("gone.jpg").toString()).status());
        assertEquals(2, run("search", "-c", "empty", "-k", "5000", photos.resolve("bush1.jpg").toString()).status());
        assertEquals(2, run("search", "-c", "empty", "--target-fpir", "1", photos.resolve("bush1.jpg").toString()).status());
        Cli.Run nobody = run("search", "-c", "empty", photos.resolve("bush1.jpg").toString());
        assertTrue(nobody.lines().get(1).matches(".*bush1\\.jpg" + FACE_CELL + "unknown"), "no candidate in an empty collection: " + nobody.out());
        Cli.Run slow = run("search", "-c", "empty", "--deadline", "1ms", photos.resolve("bush1.jpg").toString());
        assertEquals(4, slow.status(), slow.toString());
    }

    @Test
    void verifiesPhotosAgainstEnrolledFacesAndSubjects() throws Exception {
        enrolTwoPeople("verify");
        String bushFace = Json.MAPPER.readTree(run("faces", "list", "-c", "verify", "-s", "bush", "--json", "--limit", "1").out())
                .get("faceId").asText();

        Cli.Run same = run("subjects", "verify", "-c", "verify", "bush", lfw("George_W_Bush", 5));
        assertEquals(0, same.status(), same.toString());
        assertTrue(same.out().startsWith("same person: similarity "), same.out());
        assertTrue(same.out().contains("(enrolled face "), same.out());
        assertTrue(same.out().contains("threshold 0.6000, false-accept rate 0.891% (enrolled face "), same.out());
        Cli.Run different = run("subjects", "verify", "-c", "verify", "powell", lfw("George_W_Bush", 5), "--json");
        assertEquals(0, different.status(), "compared, not a match");
        JsonNode v = Json.MAPPER.readTree(different.out());
        assertFalse(v.get("match").asBoolean());
        assertEquals("euclidean", v.get("metric").asText());
        assertEquals(0.00891, v.get("false_accept_rate").asDouble(), 1e-9, "the default threshold's rate: " + v);
        assertFalse(v.get("false_accept_rate_at_most").asBoolean());
        assertTrue(v.has("matchedFaceId"));

        Cli.Run faces = run("faces", "verify", "-c", "verify", bushFace, lfw("George_W_Bush", 6));
        assertTrue(faces.out().startsWith("same person"), faces.toString());
        Cli.Run photosOnly = run("faces", "verify", "-c", "verify", lfw("Colin_Powell", 3), lfw("George_W_Bush", 6));
        assertTrue(photosOnly.out().startsWith("different people"), photosOnly.toString());

        assertEquals(1, run("subjects", "verify", "-c", "verify", "nobody", lfw("George_W_Bush", 5)).status());
        Cli.Run noFace = run("subjects", "verify", "-c", "verify", "bush", SharedPhotos.file("negatives/skimage_brick.png").toString());
        assertEquals(3, noFace.status(), noFace.toString());
        Cli.Run unreadable = run("faces", "verify", "-c", "verify", bushFace, photos.resolve("gone.jpg").toString());
        assertEquals(3, unreadable.status());
        assertTrue(unreadable.err().contains("gone.jpg: cannot read: no such file"), unreadable.err());
        assertEquals(1, run("faces", "verify", "-c", "verify", "123e4567-e89b-12d3-a456-426614174000", lfw("George_W_Bush", 5)).status());
    }
}
