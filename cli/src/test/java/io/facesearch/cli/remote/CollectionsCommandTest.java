package io.facesearch.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.testing.Cli;
import io.facesearch.client.CollectionSpec;
import io.facesearch.client.Enrollment;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.testing.TestServer;
import io.facesearch.client.testing.Vectors;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collections}, {@code subjects list|delete} and {@code faces list|delete} against a real
 * server holding precomputed embeddings, and how every command fails.
 */
class CollectionsCommandTest {
    @TempDir
    Path dataDir;
    TestServer server;
    String target;

    @BeforeEach
    void start() {
        server = TestServer.withoutPipeline(dataDir);
        target = server.target();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    Cli.Run run(String... args) {
        return Cli.againstWithKey(target, server.adminKey(), args);
    }

    static JsonNode json(String line) throws Exception {
        return Json.MAPPER.readTree(line);
    }

    @Test
    void createsListsDescribesAndDeletes() throws Exception {
        Cli.Run created = run("collections", "create", "vectors", "--metric", "cosine", "--threshold", "0.2",
                "--index-format", "hnsw_int8", "--model-id", "synthetic@1", "--dimension", "64");
        assertEquals(0, created.status(), created.toString());
        assertTrue(created.out().contains("created collection vectors: cosine, threshold 0.2, hnsw_int8, model synthetic@1, 64-D,"
                + " target FPIR 0.01, the server's quality thresholds"), created.out());
        assertEquals(0, run("collections", "create", "other", "--model-id", "synthetic@1").status());

        Cli.Run list = run("collections", "list");
        assertEquals(3, list.lines().size(), list.out());
        assertTrue(list.lines().get(0).startsWith("NAME"), list.out());
        assertTrue(list.lines().get(1).startsWith("other "), list.out());
        assertTrue(list.lines().get(0).matches("NAME +FACES +SUBJECTS +METRIC +THRESHOLD +INDEX +MODEL +TARGET FPIR +OPEN SET +IMPOSTORS +QUALITY"),
                list.out());
        assertTrue(list.lines().get(2).matches("vectors +0 +0 +cosine +0\\.2 +hnsw_int8 +synthetic@1 +0\\.01 +distance_threshold +0 +server's: "
                + "score >= [\\d.]+, box/face <= [\\d.]+, face >= [\\d.]+ px, sharpness >= [\\d.]+, \\|yaw\\| <= [\\d.]+ deg, "
                + "\\|pitch\\| <= [\\d.]+ deg, \\|roll\\| <= [\\d.]+ deg"), list.out());

        List<String> lines = run("collections", "list", "--json").lines();
        assertEquals(2, lines.size());
        JsonNode vectors = json(lines.get(1));
        assertEquals("vectors", vectors.get("name").asText());
        assertEquals("cosine", vectors.get("metric").asText());
        assertEquals(64, vectors.get("embeddingDimension").asInt());

        Cli.Run described = run("collections", "describe", "vectors");
        assertTrue(described.out().contains("metric:       cosine"), described.out());
        assertTrue(described.out().contains("dimension:    64"), described.out());
        assertTrue(described.out().contains("target FPIR:  0.01"), described.out());
        assertTrue(described.out().contains("open set:     distance_threshold (0 impostor searches)"), described.out());
        assertTrue(described.out().contains("quality:      server's: score >= "), described.out());
        assertEquals("hnsw_int8", json(run("collections", "describe", "vectors", "--json").out()).get("indexFormat").asText());

        Cli.Run deleted = run("collections", "delete", "vectors");
        assertEquals(0, deleted.status());
        assertEquals("deleted collection vectors with 0 faces", deleted.out().strip());
        assertEquals(2, run("collections", "list").lines().size());
    }

    @Test
    void createsWithATargetRateAndQualityThresholdsOfItsOwn() throws Exception {
        Cli.Run created = run("collections", "create", "strict", "--model-id", "synthetic@1", "--target-fpir", "0.001",
                "--min-score", "0.8", "--max-box-to-face", "1.2", "--min-face-px", "80", "--min-sharpness", "10", "--max-yaw", "30",
                "--max-pitch", "25", "--max-roll", "20");
        assertEquals(0, created.status(), created.toString());
        assertTrue(created.out().strip().endsWith("target FPIR 0.001, own quality thresholds"), created.out());

        Cli.Run described = run("collections", "describe", "strict");
        assertTrue(described.out().contains("target FPIR:  0.001"), described.out());
        assertTrue(described.out().contains("quality:      own: score >= 0.8, box/face <= 1.2, face >= 80 px, sharpness >= 10, "
                + "|yaw| <= 30 deg, |pitch| <= 25 deg, |roll| <= 20 deg"), described.out());

        JsonNode json = json(run("collections", "describe", "strict", "--json").out());
        assertEquals(0.001, json.get("targetFpir").asDouble(), 1e-12);
        assertTrue(json.get("ownQuality").asBoolean());
        JsonNode quality = json.get("quality");
        assertEquals(0.8, quality.get("minScore").asDouble(), 1e-9);
        assertEquals(1.2, quality.get("maxBoxToFace").asDouble(), 1e-9);
        assertEquals(80, quality.get("minFacePx").asDouble(), 1e-9);
        assertEquals(10, quality.get("minSharpness").asDouble(), 1e-9);
        assertEquals(30, quality.get("maxYaw").asDouble(), 1e-9);
        assertEquals(25, quality.get("maxPitch").asDouble(), 1e-9);
        assertEquals(20, quality.get("maxRoll").asDouble(), 1e-9);
        JsonNode calibration = json.get("openSetCalibration");
        assertEquals("distance_threshold", calibration.get("source").asText(), "no open-set calibration for a synthetic model");
        assertEquals(0, calibration.get("impostorSearches").asInt());
        assertFalse(calibration.has("estimateTime"), "no estimate made");

        assertEquals(0, run("collections", "create", "vectors-default", "--model-id", "synthetic@1").status());
        Cli.Run partial = run("collections", "create", "partial", "--model-id", "synthetic@1", "--min-face-px", "60", "--json");
        JsonNode p = json(partial.out());
        assertTrue(p.get("ownQuality").asBoolean());
        assertEquals(60, p.get("quality").get("minFacePx").asDouble(), 1e-9);
        assertEquals(json(run("collections", "describe", "vectors-default", "--json").out()).get("quality").get("maxRoll"),
                p.get("quality").get("maxRoll"), "an option not given is the server's setting");

        Cli.Run refused = run("collections", "create", "wrong", "--model-id", "synthetic@1", "--target-fpir", "1.5");
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains("target_fpir"), refused.err());
    }

    @Test
    void refusalsExitWithOneAndTheServersReason() {
        run("collections", "create", "taken", "--model-id", "m@1");
        Cli.Run taken = run("collections", "create", "taken", "--model-id", "m@1");
        assertEquals(1, taken.status());
        assertTrue(taken.err().contains("ALREADY_EXISTS"), taken.err());

        for (String[] command : List.of(new String[] {"collections", "describe", "nope"}, new String[] {"collections", "delete", "nope"},
                new String[] {"subjects", "list", "-c", "nope"}, new String[] {"faces", "list", "-c", "nope"},
                new String[] {"enroll", "-c", "nope", "-s", "x", dataDir.resolve("photo.jpg").toString()})) {
            Cli.Run unknown = run(command);
            assertEquals(1, unknown.status(), String.join(" ", command) + "\n" + unknown);
            assertTrue(unknown.err().contains("collection 'nope' does not exist"), unknown.err());
            assertTrue(unknown.err().contains("(NOT_FOUND)"), unknown.err());
        }
        assertEquals(1, run("collections", "create", "bad name").status());
    }

    @Test
    void anUnreachableServerExitsWithFourAndSaysWhere() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String nowhere = "127.0.0.1:" + port;
        for (String[] command : List.of(new String[] {"collections", "list"}, new String[] {"subjects", "list", "-c", "x"},
                new String[] {"faces", "delete", "-c", "x", "123e4567-e89b-12d3-a456-426614174000"},
                new String[] {"enroll", "-c", "x", "-s", "y", dataDir.resolve("photo.jpg").toString()})) {
            Cli.Run run = Cli.against(nowhere, command);
            assertEquals(4, run.status(), String.join(" ", command) + "\n" + run);
            assertTrue(run.err().startsWith("cannot reach FaceSearch server at " + nowhere + ": "), run.err());
            assertTrue(run.err().contains("Connection refused"), run.err());
        }
    }

    @Test
    void aTinyDeadlineExitsWithFour() {
        Cli.Run run = run("collections", "list", "--deadline", "1ms");
        assertEquals(4, run.status(), run.toString());
        assertTrue(run.err().contains("did not answer within 1ms (see --deadline)"), run.err());
    }

    @Test
    void aBadCertificateFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "nonsense");
        Cli.Run run = run("collections", "list", "--ca", pem.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("cannot read trusted certificates from " + pem), run.err());
    }

    @Test
    void listsAndDeletesSubjectsAndFaces() throws Exception {
        String faceId;
        try (FaceSearchClient client = server.client()) {
            client.createCollection(CollectionSpec.named("people").withModelId("synthetic@1"));
            for (int i = 0; i < 3; i++) {
                for (int s = 0; s < 2; s++) {
                    client.enroll(Enrollment.of("people", "person-" + i, Vectors.sample(i, s)).withMetadata(java.util.Map.of("n", "" + s)));
                }
            }
            faceId = client.allFaces(io.facesearch.client.FaceQuery.in("people").withSubject("person-1")).findFirst().orElseThrow().faceId();
        }
        Cli.Run subjects = run("subjects", "list", "-c", "people");
        assertEquals(4, subjects.lines().size(), subjects.out());
        assertTrue(subjects.lines().get(1).matches("person-0 +2 +\\S+"), subjects.out());
        assertEquals(2, run("subjects", "list", "-c", "people", "--limit", "2", "--json").lines().size());
        assertEquals(2, json(run("subjects", "list", "-c", "people", "--json").lines().get(2)).get("faceCount").asInt());

        Cli.Run faces = run("faces", "list", "-c", "people", "-s", "person-1");
        assertEquals(3, faces.lines().size(), faces.out());
        assertTrue(faces.out().contains("precomputed"), faces.out());
        assertTrue(faces.out().contains("n=0"), faces.out());
        assertEquals(6, run("faces", "list", "-c", "people", "--json").lines().size());
        JsonNode face = json(run("faces", "list", "-c", "people", "--json", "--limit", "1").out());
        assertTrue(face.get("subjectId").asText().startsWith("person-"), face.toString());
        assertEquals("synthetic@1", face.get("modelId").asText());

        String absent = "123e4567-e89b-12d3-a456-426614174000";
        Cli.Run deleted = run("faces", "delete", "-c", "people", faceId, absent);
        assertEquals(1, deleted.status(), "an id not in the collection is reported");
        assertEquals("deleted 1 face from people", deleted.out().strip());
        assertTrue(deleted.err().contains(absent + ": not in collection people"), deleted.err());
        assertEquals(1, run("faces", "delete", "-c", "people", "not-a-uuid").status(), "a malformed id is refused by the server");

        Cli.Run subjectsDeleted = run("subjects", "delete", "-c", "people", "person-0", "person-1", "nobody");
        assertEquals(1, subjectsDeleted.status(), subjectsDeleted.toString());
        assertTrue(subjectsDeleted.out().contains("deleted subject person-0 with 2 faces"), subjectsDeleted.out());
        assertTrue(subjectsDeleted.out().contains("deleted subject person-1 with 1 face\n")
                || subjectsDeleted.out().contains("deleted subject person-1 with 1 face" + System.lineSeparator()), subjectsDeleted.out());
        assertTrue(subjectsDeleted.err().contains("subject 'nobody' has no face"), subjectsDeleted.err());
        assertEquals(2, run("subjects", "list", "-c", "people").lines().size());
    }
}
