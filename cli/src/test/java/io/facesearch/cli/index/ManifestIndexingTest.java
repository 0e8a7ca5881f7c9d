package io.facesearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.client.Face;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.client.testing.TestServer;
import io.facesearch.indexer.identity.FaceIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels and metadata from a CSV manifest; what it does not list is left alone, what it lists and is absent is reported. */
class ManifestIndexingTest {

    @TempDir
    Path temp;

    @Test
    void manifestGivesSubjectsAndMetadata() throws Exception {
        List<Path> lfw = SharedPhotos.first(SharedPhotos.lfw(), 6);
        Path photos = SharedPhotos.copy(lfw, temp.resolve("photos"));
        String[] rel = lfw.stream().map(p -> p.getParent().getFileName() + "/" + p.getFileName()).toArray(String[]::new);
        // Subjects unlike the folders, quoted values with commas, one photo unlabeled, one not listed, one absent.
        Path manifest = temp.resolve("labels.csv");
        Files.writeString(manifest, String.join("\n",
                "file,person,source,license",
                rel[0] + ",person-a,\"archive, box 1\",cc-by",
                "./" + rel[1] + ",person-a,archive,",
                rel[2] + ",person-b,,cc0",
                rel[3] + ",,party,",
                rel[4] + ",person-c,archive,cc-by",
                "missing/nowhere.jpg,person-d,archive,cc-by",
                ""));

        try (TestServer server = TestServer.withoutPipeline(temp.resolve("server")); FaceSearchClient client = server.client()) {
            IndexCli.Run run = IndexCli.index("--server", server.target(), "--token", server.adminKey(), "-c", "listed", "--create", "--manifest", manifest.toString(),
                    "--journal", temp.resolve("journals").toString(), photos.toString());
            assertEquals(ExitStatus.BAD_PHOTO, run.status(), "a listed photo is absent: " + run);
            JsonNode report = run.report();
            assertEquals("manifest", report.path("labels").asText());
            assertEquals(5, report.path("imagesRead").asInt(), report::toPrettyString);
            assertEquals(1, report.path("entriesIgnored").asInt(), "the sixth photo is not listed");
            assertEquals(1, report.path("manifestRowsMissing").path("count").asInt());
            assertEquals("missing/nowhere.jpg", report.path("manifestRowsMissing").path("examples").get(0).asText());

            Map<String, List<Face>> bySubject = StoredFaces.of(client, "listed").stream()
                    .collect(Collectors.groupingBy(f -> f.subjectId().startsWith(FaceIdentity.UNLABELED_PREFIX) ? "unlabeled" : f.subjectId()));
            assertEquals(2, bySubject.get("person-a").size());
            assertEquals(1, bySubject.get("person-b").size());
            assertEquals(1, bySubject.get("person-c").size());
            assertFalse(bySubject.get("unlabeled").isEmpty(), "the unlabeled photo's faces are stored, each its own subject");
            assertTrue(bySubject.get("unlabeled").stream().allMatch(f -> f.metadata().get("file").equals(rel[3])));

            Face first = bySubject.get("person-a").stream().filter(f -> f.metadata().get("file").equals(rel[0])).findFirst().orElseThrow();
            assertEquals("archive, box 1", first.metadata().get("source"));
            assertEquals("cc-by", first.metadata().get("license"));
            Face second = bySubject.get("person-a").stream().filter(f -> f.metadata().get("file").equals(rel[1])).findFirst().orElseThrow();
            assertFalse(second.metadata().containsKey("license"), "empty values are not stored");
            Face b = bySubject.get("person-b").getFirst();
            assertEquals("cc0", b.metadata().get("license"));
            assertFalse(b.metadata().containsKey("source"));
            // The indexer's own keys travel beside the manifest's.
            assertEquals("photos", first.metadata().get("archive"));
            assertEquals(4, first.metadata().get("box").split(",").length);
            assertEquals(68, first.metadata().get("landmarks").split(" ").length);
            assertEquals("0", first.metadata().get("face"));
        }
    }
}
