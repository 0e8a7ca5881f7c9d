package io.facesearch.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.NewFace;
import io.facesearch.domain.StoredFace;
import io.facesearch.store.Neighbor;
import io.facesearch.store.embedded.hnsw.BruteForceIndex;
import io.facesearch.store.embedded.hnsw.WritableIndex;
import io.facesearch.store.embedded.rocks.CollectionStore;
import io.facesearch.store.embedded.rocks.RocksDatabase;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import io.facesearch.store.embedded.rocks.Written;
import io.facesearch.store.testing.SyntheticFaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background feeder: log order, the lag bound, deletes that overtake queued upserts, and close. */
class IndexFeederTest {
    private final SyntheticFaces synthetic = new SyntheticFaces(5, 16);
    @TempDir
    Path dir;
    private RocksDatabase db;
    private RocksFaceStore store;

    @BeforeEach
    void open() {
        db = RocksDatabase.open(dir.resolve("db"));
        CollectionStore collections = new CollectionStore(db, Clock.systemUTC());
        store = collections.faces(collections.create(new CollectionRecord("c", 0, Metric.EUCLIDEAN, 0.6f,
                IndexFormat.HNSW_FLOAT32, 16, Instant.EPOCH, "m", 0.01, null)).orElseThrow());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Stores faces without settling their changes: the feeder may not read them yet. */
    private Written<List<Enrolled>> store(int identity, int samples) {
        List<NewFace> faces = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            faces.add(new NewFace(synthetic.sample(identity, s), null, 1, null, StoredFace.Source.PRECOMPUTED));
        }
        return store.enroll(List.of(new EnrollItem("", SyntheticFaces.subject(identity), faces, Map.of(), "m")));
    }

    private static List<UUID> ids(Written<List<Enrolled>> written) {
        return written.value().getFirst().faces().stream().map(StoredFace::faceId).toList();
    }

    @Test
    void appliesSettledChangesInTheBackground() throws Exception {
        BruteForceIndex index = new BruteForceIndex(Metric.EUCLIDEAN, 16);
        try (IndexFeeder feeder = new IndexFeeder("c", store, index, 1_000)) {
            Written<List<Enrolled>> written = store(1, 5);
            Thread.sleep(200);
            assertEquals(0, index.size(), "changes not yet settled are not read");
            store.changeLog().complete(written.sequences());
            feeder.signal();
            assertTrue(feeder.awaitApplied(store.changeLog().lastSequence(), 5_000));
            assertEquals(5, index.size());
            assertEquals(0, feeder.lag());
            assertEquals(ids(written).get(2), index.search(synthetic.sample(1, 2), 1).getFirst().faceId());
        }
    }

    @Test
    void aDeleteOvertakingAQueuedUpsertIsNotUndone() throws Exception {
        BruteForceIndex index = new BruteForceIndex(Metric.EUCLIDEAN, 16);
        try (IndexFeeder feeder = new IndexFeeder("c", store, index, 1_000)) {
            Written<List<Enrolled>> kept = store(1, 2);
            Written<List<Enrolled>> doomed = store(2, 2);
            // The delete runs while both upserts are still queued behind the watermark.
            var deleted = store.delete(ids(doomed));
            feeder.deleteNow(ids(doomed));
            store.changeLog().complete(deleted.sequences());
            store.changeLog().complete(kept.sequences());
            store.changeLog().complete(doomed.sequences());
            feeder.signal();
            assertTrue(feeder.awaitApplied(store.changeLog().lastSequence(), 5_000));
            assertEquals(2, index.size());
            for (Neighbor n : index.searchExact(synthetic.sample(2, 0), 10)) {
                assertFalse(ids(doomed).contains(n.faceId()), "a deleted face came back");
            }
        }
    }

    @Test
    void writersWaitWhileTooFarAheadOfTheIndex() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BruteForceIndex index = new BruteForceIndex(Metric.EUCLIDEAN, 16);
        WritableIndex slow = new GatedIndex(index, release);
        try (IndexFeeder feeder = new IndexFeeder("c", store, slow, 2)) {
            Written<List<Enrolled>> written = store(1, 5);
            store.changeLog().complete(written.sequences());
            feeder.signal();
            long last = store.changeLog().lastSequence();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    feeder.awaitLag(last);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.join(300);
            assertTrue(waiter.isAlive(), "5 changes ahead with a bound of 2: the writer waits");
            release.countDown();
            waiter.join(TimeUnit.SECONDS.toMillis(5));
            assertFalse(waiter.isAlive(), "the writer goes on once the index is within 2 changes");
            assertTrue(feeder.awaitApplied(last, 5_000));
            assertEquals(5, index.size());
        }
    }

    @Test
    void closeStopsAndKeepsThePositionForTheNextStart() throws Exception {
        BruteForceIndex index = new BruteForceIndex(Metric.EUCLIDEAN, 16);
        IndexFeeder feeder = new IndexFeeder("c", store, index, 1_000);
        Written<List<Enrolled>> written = store(1, 3);
        store.changeLog().complete(written.sequences());
        feeder.signal();
        assertTrue(feeder.awaitApplied(store.changeLog().lastSequence(), 5_000));
        feeder.close();
        long applied = feeder.applied();
        store.changeLog().complete(store(2, 3).sequences());
        Thread.sleep(200);
        assertEquals(applied, feeder.applied(), "a closed feeder applies nothing");
        assertEquals(3, index.size());
        assertEquals(3, feeder.lag());
        assertFalse(feeder.awaitApplied(store.changeLog().lastSequence(), 100), "waiting on a closed feeder returns");
    }

    /** An index whose upserts wait for a latch: a graph that builds slower than faces arrive. */
    private record GatedIndex(WritableIndex delegate, CountDownLatch gate) implements WritableIndex {
        @Override
        public void upsert(UUID faceId, float[] vector) throws java.io.IOException {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.upsert(faceId, vector);
        }

        @Override
        public void delete(UUID faceId) throws java.io.IOException {
            delegate.delete(faceId);
        }

        @Override
        public void clear() throws java.io.IOException {
            delegate.clear();
        }

        @Override
        public void refresh() throws java.io.IOException {
            delegate.refresh();
        }

        @Override
        public List<Neighbor> search(float[] query, int k) throws java.io.IOException {
            return delegate.search(query, k);
        }

        @Override
        public List<Neighbor> searchExact(float[] query, int k) throws java.io.IOException {
            return delegate.searchExact(query, k);
        }

        @Override
        public int size() throws java.io.IOException {
            return delegate.size();
        }

        @Override
        public void commit(long appliedSequence) throws java.io.IOException {
            delegate.commit(appliedSequence);
        }

        @Override
        public long appliedSequence() {
            return delegate.appliedSequence();
        }

        @Override
        public long sizeOnDiskBytes() throws java.io.IOException {
            return delegate.sizeOnDiskBytes();
        }

        @Override
        public void compact(int maxSegments) throws java.io.IOException {
            delegate.compact(maxSegments);
        }

        @Override
        public int segmentCount() throws java.io.IOException {
            return delegate.segmentCount();
        }

        @Override
        public void close() throws java.io.IOException {
            delegate.close();
        }
    }
}
