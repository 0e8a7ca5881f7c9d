package io.facesearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facesearch.cli.ExitStatus;
import io.facesearch.client.CollectionSpec;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.client.testing.TestServer;
import io.facesearch.pipeline.FacePipeline;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's options, refusals and exit statuses, and the dry run. */
class IndexCommandTest {
    /** For runs that must fail before the models are needed. */
    private static final Supplier<FacePipeline> NO_PIPELINE = () -> fail("the models were loaded");

    @TempDir
    Path temp;

    @Test
    void dryRunNeedsNoServerAndKeepsNoJournal() throws Exception {
        Path photos = SharedPhotos.copy(SharedPhotos.first(SharedPhotos.lfw(), 8), temp.resolve("photos"));
        Files.write(photos.resolve("loose.jpg"), Files.readAllBytes(SharedPhotos.first(SharedPhotos.lfw(), 1).getFirst()));
        Path reportFile = temp.resolve("report.json");
        IndexCli.Run run = IndexCli.index("--dry-run", "--journal", temp.resolve("journals").toString(), "--report",
                reportFile.toString(), "--threads", "2", photos.toString());
        assertEquals(ExitStatus.BAD_PHOTO, run.status(), "a photo outside a subject folder is refused: " + run);
        assertEquals("", run.out(), "the report went to the file");
        assertTrue(run.err().startsWith("dry run: would enrol 8 faces from 8 of 9 photos"), run.err());
        JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
        assertTrue(report.path("dryRun").asBoolean());
        assertTrue(report.path("journal").isNull());
        assertEquals(8, report.path("facesEnrolled").asInt());
        assertEquals(1, report.path("imagesRefused").path("byReason").path("NO_SUBJECT_FOLDER").path("count").asInt());
        assertTrue(report.path("imagesPerSecond").asDouble() > 0);
        assertFalse(Files.exists(temp.resolve("journals")), "a dry run remembers nothing");
    }

    @Test
    void collectionIsRequiredUnlessDryRun() {
        IndexCli.Run run = IndexCli.index(NO_PIPELINE, temp.toString());
        assertEquals(ExitStatus.USAGE, run.status());
        assertTrue(run.err().contains("--collection is required"), run.err());
    }

    @Test
    void unknownInputKindIsAUsageError() throws Exception {
        Path rar = Files.writeString(temp.resolve("photos.rar"), "x");
        IndexCli.Run run = IndexCli.index(NO_PIPELINE, "--dry-run", rar.toString());
        assertEquals(ExitStatus.USAGE, run.status());
        assertTrue(run.err().contains("is not a folder, a .zip, a .tar or a .tar.gz"), run.err());
    }

    @Test
    void malformedManifestIsAUsageError() throws Exception {
        Path manifest = Files.writeString(temp.resolve("m.csv"), "path,subject\na.jpg,x\na.jpg,y\n");
        IndexCli.Run run = IndexCli.index(NO_PIPELINE, "--dry-run", "--manifest", manifest.toString(), temp.toString());
        assertEquals(ExitStatus.USAGE, run.status());
        assertTrue(run.err().contains("line 3: a.jpg is listed twice (also line 2)"), run.err());
    }

    @Test
    void missingCollectionIsRefusedBeforeTheModelsLoad() {
        try (TestServer server = TestServer.withoutPipeline(temp.resolve("server"))) {
            IndexCli.Run run = IndexCli.index(NO_PIPELINE, "--server", server.target(), "--token", server.adminKey(), "-c", "absent", temp.toString());
            assertEquals(ExitStatus.REFUSED, run.status(), run::toString);
            assertTrue(run.err().contains("collection 'absent' does not exist: create it"), run.err());
        }
    }

    @Test
    void collectionOfAnotherModelIsRefused() throws Exception {
        Path photos = SharedPhotos.copy(SharedPhotos.first(SharedPhotos.lfw(), 1), temp.resolve("photos"));
        try (TestServer server = TestServer.withoutPipeline(temp.resolve("server")); FaceSearchClient client = server.client()) {
            client.createCollection(CollectionSpec.named("other").withModelId("someone-else@1").withEmbeddingDimension(128));
            IndexCli.Run run = IndexCli.index("--server", server.target(), "--token", server.adminKey(), "-c", "other", "--journal",
                    temp.resolve("journals").toString(), photos.toString());
            assertEquals(ExitStatus.REFUSED, run.status(), run::toString);
            assertTrue(run.err().contains("holds embeddings of model 'someone-else@1'"), run.err());
            assertEquals(0, client.describeCollection("other").faceCount());
        }
    }

    @Test
    void unreachableServerIsStatusFour() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        IndexCli.Run run = IndexCli.index(NO_PIPELINE, "--server", "127.0.0.1:" + port, "-c", "x", temp.toString());
        assertEquals(ExitStatus.UNREACHABLE, run.status(), run::toString);
        assertTrue(run.err().contains("cannot reach FaceSearch server at 127.0.0.1:" + port), run.err());
    }
}
