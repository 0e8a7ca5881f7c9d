package io.facesearch.store.embedded.hnsw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index adds persistence to the contract; one subclass per vector format. */
abstract class HnswIndexContract extends WritableIndexContract {
    @TempDir
    Path dir;
    private int opened;

    abstract IndexFormat format();

    @Override
    WritableIndex create(Metric metric, int dimension) throws IOException {
        return new HnswIndex(dir.resolve("index-" + opened++), metric, format(), dimension, HnswSettings.DEFAULT);
    }

    @Test
    void reopenedIndexKeepsCommittedFacesAndSequence() throws IOException {
        Path path = dir.resolve("reopen");
        UUID id = UUID.randomUUID();
        try (HnswIndex index = new HnswIndex(path, Metric.EUCLIDEAN, format(), DIMENSION, HnswSettings.DEFAULT)) {
            index.upsert(id, faces.sample(1, 1));
            index.upsert(UUID.randomUUID(), faces.sample(2, 1));
            index.commit(5);
            index.upsert(UUID.randomUUID(), faces.sample(3, 1));
        }
        try (HnswIndex index = new HnswIndex(path, Metric.EUCLIDEAN, format(), DIMENSION, HnswSettings.DEFAULT)) {
            assertEquals(5, index.appliedSequence());
            assertEquals(2, index.size(), "uncommitted changes are dropped; the change log replays them");
            assertEquals(id, index.search(faces.sample(1, 1), 1).getFirst().faceId());
        }
    }

    @Test
    void indexOfAnotherLayoutIsClearedForRebuild() throws IOException {
        Path path = dir.resolve("layout");
        try (HnswIndex index = new HnswIndex(path, Metric.EUCLIDEAN, format(), DIMENSION, HnswSettings.DEFAULT)) {
            index.upsert(UUID.randomUUID(), faces.sample(1, 1));
            index.commit(3);
        }
        try (HnswIndex index = new HnswIndex(path, Metric.COSINE, format(), DIMENSION, HnswSettings.DEFAULT)) {
            assertEquals(-1, index.appliedSequence());
            assertEquals(0, index.size());
        }
    }
}
