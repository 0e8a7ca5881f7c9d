package io.facesearch.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.NewFace;
import io.facesearch.domain.StoredFace;
import io.facesearch.store.embedded.hnsw.HnswIndex;
import io.facesearch.store.embedded.hnsw.HnswSettings;
import io.facesearch.store.embedded.rocks.CollectionStore;
import io.facesearch.store.embedded.rocks.RocksDatabase;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import io.facesearch.store.testing.SyntheticFaces;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRecoveryTest {
    private final SyntheticFaces synthetic = new SyntheticFaces(3, 128);
    @TempDir
    Path dir;
    private RocksDatabase db;
    private RocksFaceStore store;

    @BeforeEach
    void open() {
        db = RocksDatabase.open(dir.resolve("db"));
        CollectionStore collections = new CollectionStore(db, Clock.systemUTC());
        CollectionRecord record = collections.create(new CollectionRecord("c", 0, Metric.EUCLIDEAN, 0.6f,
                IndexFormat.HNSW_FLOAT32, 128, Instant.EPOCH, "m", 0.01, null)).orElseThrow();
        store = collections.faces(record);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<UUID> enrol(int identity, int samples) {
        List<NewFace> faces = new java.util.ArrayList<>();
        for (int s = 0; s < samples; s++) {
            faces.add(new NewFace(synthetic.sample(identity, s), null, 1, null, StoredFace.Source.PRECOMPUTED));
        }
        var written = store.enroll(List.of(new EnrollItem("", SyntheticFaces.subject(identity), faces, Map.of(), "m")));
        store.changeLog().complete(written.sequences());
        return written.value().getFirst().faces().stream().map(StoredFace::faceId).toList();
    }

    private HnswIndex openIndex() throws IOException {
        return new HnswIndex(dir.resolve("index"), Metric.EUCLIDEAN, IndexFormat.HNSW_FLOAT32, 128, HnswSettings.DEFAULT);
    }

    @Test
    void freshIndexIsRebuiltThenReplayedThenUpToDate() throws IOException {
        for (int i = 0; i < 10; i++) {
            enrol(i, 2);
        }
        try (HnswIndex index = openIndex()) {
            assertEquals(IndexRecovery.Outcome.REBUILT, IndexRecovery.recover(store, index));
            assertEquals(20, index.size());
        }
        List<UUID> later = enrol(20, 3);
        store.delete(List.of(later.getFirst()));
        try (HnswIndex index = openIndex()) {
            assertEquals(IndexRecovery.Outcome.REPLAYED, IndexRecovery.recover(store, index));
            assertEquals(22, index.size());
            assertEquals(later.get(1), index.search(synthetic.sample(20, 1), 1).getFirst().faceId());
        }
        try (HnswIndex index = openIndex()) {
            assertEquals(IndexRecovery.Outcome.UP_TO_DATE, IndexRecovery.recover(store, index));
            assertEquals(22, index.size());
        }
    }

    @Test
    void indexOlderThanTheTrimmedLogIsRebuilt() throws IOException {
        enrol(1, 2);
        try (HnswIndex index = openIndex()) {
            IndexRecovery.recover(store, index);
        }
        enrol(2, 2);
        // Another index (say, restored from a backup) committed past this one and trimmed the log.
        store.changeLog().trimThrough(store.changeLog().lastSequence());
        enrol(3, 1);
        try (HnswIndex index = openIndex()) {
            assertEquals(IndexRecovery.Outcome.REBUILT, IndexRecovery.recover(store, index));
            assertEquals(5, index.size());
            assertTrue(index.appliedSequence() == store.changeLog().lastSequence());
        }
    }
}
