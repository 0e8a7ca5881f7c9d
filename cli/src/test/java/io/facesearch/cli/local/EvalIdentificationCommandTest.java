package io.facesearch.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.testing.Cli;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.testing.TestServer;
import io.facesearch.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval identification} on a small real subset of LFW DevTrain: 20 people with 2+ photos (at
 * most 4 each) and 10 with one, copied to a temporary folder, and 5 more people as distractors.
 */
class EvalIdentificationCommandTest {
    private static final int ENROLLED = 20;
    private static final int SINGLE = 10;
    private static final int DISTRACTORS = 5;
    private static final int MAX_PHOTOS = 4;

    @TempDir
    static Path dir;
    static int matedProbes;

    @BeforeAll
    static void copySubset() throws IOException {
        Path lfw = SharedData.faces().resolve("lfw");
        int enrolled = 0;
        int single = 0;
        int distractors = 0;
        for (Path person : list(lfw)) {
            List<Path> photos = list(person);
            String name = person.getFileName().toString();
            if (photos.size() >= 2 && enrolled < ENROLLED) {
                enrolled++;
                List<Path> kept = photos.subList(0, Math.min(MAX_PHOTOS, photos.size()));
                matedProbes += kept.size() - 1;
                copy(kept, dir.resolve("tree").resolve(name));
            } else if (photos.size() == 1 && single < SINGLE) {
                single++;
                copy(photos, dir.resolve("tree").resolve(name));
            } else if (enrolled == ENROLLED && single == SINGLE && distractors < DISTRACTORS) {
                distractors++;
                copy(photos.subList(0, 1), dir.resolve("distractors").resolve(name));
            }
            if (distractors == DISTRACTORS) {
                break;
            }
        }
    }

    @Test
    void theJsonHoldsTheSplitAndFiguresInRange() throws Exception {
        Path cache = dir.resolve("embeddings.tsv");
        Cli.Run r = Cli.run("eval", "identification", "--images", dir.resolve("tree").toString(), "--json",
                "--embeddings-cache", cache.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(1, r.lines().size(), "exactly one JSON object: " + r);
        JsonNode report = FaceJson.MAPPER.readTree(r.out());
        assertEquals(ENROLLED, report.get("gallery").asInt());
        assertEquals(matedProbes, report.get("mated_probes").asInt());
        assertEquals(SINGLE, report.get("non_mated_probes").asInt());
        double rank1 = report.get("rank1").asDouble();
        assertTrue(rank1 >= 0.8 && rank1 <= 1, "rank-1 of well-lit LFW faces among 20 people: " + rank1);
        JsonNode rates = report.get("dir_at_fpir");
        double d1 = rates.get("0.1").asDouble();
        double d01 = rates.get("0.01").asDouble();
        double d001 = rates.get("0.001").asDouble();
        assertTrue(d1 <= rank1 && d01 <= d1 && d001 <= d01 && d001 >= 0, report.toString());
        assertInUnitInterval(report, "fpir_default");
        assertInUnitInterval(report, "dir_default");
        assertTrue(report.get("dir_default").asDouble() <= rank1);
        assertEquals("default", report.get("threshold_source").asText(), "20 subjects are too few to estimate from");
        assertTrue(Files.size(cache) > 0);

        Cli.Run grown = Cli.run("eval", "identification", "--images", dir.resolve("tree").toString(), "--json",
                "--distractors", dir.resolve("distractors").toString(), "--embeddings-cache", cache.toString());
        assertEquals(0, grown.status(), grown.toString());
        JsonNode more = FaceJson.MAPPER.readTree(grown.out());
        assertEquals(ENROLLED + DISTRACTORS, more.get("gallery").asInt());
        assertEquals(matedProbes, more.get("mated_probes").asInt());
        assertEquals(SINGLE, more.get("non_mated_probes").asInt());
    }

    @Test
    void throughAServerTheSplitAndRankOneAreThoseOfTheLocalRunAndTheCollectionIsGone() throws Exception {
        Cli.Run local = Cli.run("eval", "identification", "--images", dir.resolve("tree").toString(), "--json",
                "--embeddings-cache", dir.resolve("server-compare.tsv").toString());
        assertEquals(0, local.status(), local.toString());
        try (TestServer server = TestServer.withPipeline(dir.resolve("data"))) {
            Cli.Run remote = Cli.run("eval", "identification", "--images", dir.resolve("tree").toString(), "--json",
                    "--server", server.target(), "--token", server.adminKey());
            assertEquals(0, remote.status(), remote.toString());
            JsonNode a = FaceJson.MAPPER.readTree(local.out());
            JsonNode b = FaceJson.MAPPER.readTree(remote.out());
            for (String field : List.of("gallery", "mated_probes", "non_mated_probes")) {
                assertEquals(a.get(field).asInt(), b.get(field).asInt(), field);
            }
            assertEquals(a.get("rank1").asDouble(), b.get("rank1").asDouble(), 0.02, "same pipeline, same ranking");
            try (FaceSearchClient client = server.client()) {
                assertTrue(client.listCollections().isEmpty(), "the temporary collection is deleted");
            }
        }
    }

    @Test
    void withoutJsonATableWithEveryScore() {
        Cli.Run r = Cli.run("eval", "identification", "--images", dir.resolve("tree").toString(),
                "--embeddings-cache", dir.resolve("table.tsv").toString());
        assertEquals(0, r.status(), r.toString());
        for (String word : List.of("rank-1", "nearest_distance", "margin", "cohort_z", "logistic", "default rule",
                "reliability")) {
            assertTrue(r.out().contains(word), word + " missing from\n" + r.out());
        }
    }

    @Test
    void aTargetRateOutsideTheUnitIntervalIsAUsageError() {
        Cli.Run r = Cli.run("eval", "identification", "--images", dir.resolve("tree").toString(), "--target-fpir", "0");
        assertEquals(2, r.status(), r.toString());
    }

    private static void assertInUnitInterval(JsonNode report, String field) {
        double v = report.get(field).asDouble();
        assertTrue(v >= 0 && v <= 1, field + " = " + v);
    }

    private static void copy(List<Path> photos, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path p : photos) {
            Files.copy(p, to.resolve(p.getFileName()));
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
