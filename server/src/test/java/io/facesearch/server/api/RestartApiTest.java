package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.IndexFormat;
import io.facesearch.api.v1.Metric;
import io.facesearch.store.testing.SyntheticFaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RestartApiTest extends ServerTestBase {

    private List<FaceMatches> answers(String collection) {
        List<FaceMatches> answers = new ArrayList<>();
        for (int q = 0; q < 40; q += 3) {
            answers.add(searchEmbedding(collection, FACES.sample(q, 31), 10, false, 10));
        }
        return answers;
    }

    @Test
    void restartGivesTheSameAnswers() throws IOException, InterruptedException {
        createCollection("c", Metric.COSINE, IndexFormat.HNSW_INT8);
        enrollAll("c", 40, 3);
        awaitTopMatch("c", FACES.sample(39, 2), SyntheticFaces.subject(39));
        List<FaceMatches> before = answers("c");
        restartServer();
        assertEquals(before, answers("c"));
        assertEquals(120, collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build()).getFaceCount());
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabase() throws IOException, InterruptedException {
        createCollection("c");
        enrollAll("c", 40, 3);
        awaitTopMatch("c", FACES.sample(39, 2), SyntheticFaces.subject(39));
        List<FaceMatches> before = answers("c");
        stopServer();
        try (Stream<Path> files = Files.walk(dataDir.resolve("index"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        startServer(config());
        assertEquals(before, answers("c"));
    }

    @Test
    void changesAfterTheLastIndexCommitAreReplayed() throws IOException, InterruptedException {
        createCollection("c");
        enrollAll("c", 20, 2);
        // Commit now, then change more: the restart must replay those changes from the log.
        stopServer();
        startServer(config());
        enrollAll("c", 40, 2);
        faces.deleteSubject(io.facesearch.api.v1.DeleteSubjectRequest.newBuilder().setCollection("c").setSubjectId(SyntheticFaces.subject(0)).build());
        awaitTopMatch("c", FACES.sample(39, 1), SyntheticFaces.subject(39));
        List<FaceMatches> before = answers("c");
        restartServer();
        assertEquals(before, answers("c"));
    }
}
