package io.facesearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.client.Face;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.client.testing.TestServer;
import io.facesearch.indexer.identity.FaceIdentity;
import io.facesearch.indexer.testing.Archives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same photos as a zip and as a tar.gz, unlabeled (every face kept), each into a collection of
 * its own: the two collections hold the same faces. The archives also hold a damaged photo, a file
 * that is not a photo, and a second copy of a photo: reported, and the run goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveIndexingTest {
    /** Enough photos for faces in the background of some, few enough to keep the test short. */
    private static final int PHOTOS = 30;

    @TempDir
    static Path temp;

    private TestServer server;
    private FaceSearchClient client;
    private Path zip;
    private Path tarGz;

    @BeforeAll
    void packArchives() throws Exception {
        List<Path> photos = SharedPhotos.first(SharedPhotos.lfw(), PHOTOS);
        Path folder = SharedPhotos.copy(photos, temp.resolve("photos"));
        byte[] jpeg = Files.readAllBytes(photos.getFirst());
        Files.createDirectories(folder.resolve("extra"));
        // A JPEG cut after its headers, a text file with a photo's name, and a copy of a photo.
        Files.write(folder.resolve("extra/damaged.jpg"), java.util.Arrays.copyOf(jpeg, 400));
        Files.writeString(folder.resolve("extra/notes.jpg"), "not a photo\n");
        Files.write(folder.resolve("extra/copy.jpg"), jpeg);
        Files.writeString(folder.resolve("README.txt"), "ignored: not a photo name\n");
        zip = Archives.zip(folder, temp.resolve("photos.zip"));
        tarGz = Archives.tarGz(folder, temp.resolve("photos.tar.gz"));
        server = TestServer.withoutPipeline(temp.resolve("server"));
        client = server.client();
    }

    @AfterAll
    void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void zipAndTarGzGiveTheSameFaces() {
        JsonNode fromZip = index(zip, "from-zip");
        JsonNode fromTar = index(tarGz, "from-tar");

        for (JsonNode report : List.of(fromZip, fromTar)) {
            assertEquals(PHOTOS + 3, report.path("imagesRead").asInt(), report::toPrettyString);
            assertEquals(1, report.path("entriesIgnored").asInt(), "README.txt");
            assertEquals(1, report.path("duplicates").path("count").asInt());
            assertEquals("extra/copy.jpg", report.path("duplicates").path("examples").get(0).path("path").asText());
            assertEquals(2, report.path("imagesRefused").path("count").asInt(), report::toPrettyString);
            assertEquals(Set.of("extra/damaged.jpg", "extra/notes.jpg"), refusedPaths(report));
            assertEquals(PHOTOS, report.path("imagesEnrolled").asInt() + report.path("imagesWithoutFace").asInt());
            assertTrue(report.path("completed").asBoolean());
        }
        Map<String, Face> zipFaces = byRequestId(StoredFaces.of(client, "from-zip"));
        Map<String, Face> tarFaces = byRequestId(StoredFaces.of(client, "from-tar"));
        assertEquals(fromZip.path("facesEnrolled").asInt(), zipFaces.size());
        assertTrue(zipFaces.size() > fromZip.path("imagesEnrolled").asInt(),
                "unlabeled photos keep every face, and some LFW photos show more than one person");
        assertEquals(zipFaces.keySet(), tarFaces.keySet());
        for (Face z : zipFaces.values()) {
            Face t = tarFaces.get(z.requestId());
            assertEquals(z.subjectId(), t.subjectId());
            assertTrue(z.subjectId().startsWith(FaceIdentity.UNLABELED_PREFIX), z.subjectId());
            assertEquals(withoutArchive(z.metadata()), withoutArchive(t.metadata()));
            assertArrayEquals(z.embedding(), t.embedding(), 1e-6f);
        }
        // The copy was sent once: one photo, one set of faces.
        long withFirstPhoto = zipFaces.values().stream().filter(f -> f.metadata().get("file").startsWith("Aaron")).count();
        assertTrue(withFirstPhoto >= 1);
        assertEquals(Set.of(), zipFaces.values().stream().map(f -> f.metadata().get("file"))
                .filter(file -> file.startsWith("extra/")).collect(Collectors.toSet()));
    }

    private JsonNode index(Path archive, String collection) {
        IndexCli.Run run = IndexCli.index("--server", server.target(), "--token", server.adminKey(), "-c", collection, "--create", "--labels", "none",
                "--journal", temp.resolve("journals").toString(), archive.toString());
        assertEquals(ExitStatus.BAD_PHOTO, run.status(), run::toString);
        return run.report();
    }

    private static Set<String> refusedPaths(JsonNode report) {
        Set<String> paths = new HashSet<>();
        report.path("imagesRefused").path("byReason").forEach(group -> group.path("examples")
                .forEach(e -> paths.add(e.path("path").asText())));
        return paths;
    }

    private static Map<String, Face> byRequestId(List<Face> faces) {
        Map<String, Face> map = new HashMap<>();
        for (Face f : faces) {
            assertEquals(null, map.put(f.requestId(), f), "two faces with request id " + f.requestId());
        }
        return map;
    }

    private static Map<String, String> withoutArchive(Map<String, String> metadata) {
        Map<String, String> m = new TreeMap<>(metadata);
        m.remove("archive");
        return m;
    }
}
