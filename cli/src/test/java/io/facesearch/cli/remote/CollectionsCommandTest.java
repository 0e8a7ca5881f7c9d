package io.facesearch.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(created.out().contains("created collection vectors: cosine, threshold 0.2, hnsw_int8, model synthetic@1, 64-D"),
                created.out());
        assertEquals(0, run("collections", "create", "other", "--model-id", "synthetic@1").status());

        Cli.Run list = run("collections", "list");
        assertEquals(3, list.lines().size(), list.out());
        assertTrue(list.lines().get(0).startsWith("NAME"), list.out());
        assertTrue(list.lines().get(1).startsWith("other "), list.out());
        assertTrue(list.lines().get(2).matches("vectors +0 +0 +cosine +0\\.2 +hnsw_int8 +synthetic@1"), list.out());

        List<String> lines = run("collections", "list", "--json").lines();
        assertEquals(2, lines.size());
        JsonNode vectors = json(lines.get(1));
        assertEquals("vectors", vectors.get("name").asText());
        assertEquals("cosine", vectors.get("metric").asText());
        assertEquals(64, vectors.get("embeddingDimension").asInt());

        Cli.Run described = run("collections", "describe", "vectors");
        assertTrue(described.out().contains("metric:       cosine"), described.out());
        assertTrue(described.out().contains("dimension:    64"), described.out());
        assertEquals("hnsw_int8", json(run("collections", "describe", "vectors", "--json").out()).get("indexFormat").asText());

        Cli.Run deleted = run("collections", "delete", "vectors");
        assertEquals(0, deleted.status());
        assertEquals("deleted collection vectors with 0 faces", deleted.out().strip());
        assertEquals(2, run("collections", "list").lines().size());
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
