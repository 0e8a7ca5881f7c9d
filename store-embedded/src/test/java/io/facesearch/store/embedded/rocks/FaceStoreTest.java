package io.facesearch.store.embedded.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.Deleted;
import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.NewFace;
import io.facesearch.domain.Page;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.store.testing.SyntheticFaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final SyntheticFaces synthetic = new SyntheticFaces(7, 128);

    @TempDir
    Path dir;
    private RocksDatabase db;
    private CollectionStore collections;
    private CollectionRecord people;
    private RocksFaceStore store;

    @BeforeEach
    void open() {
        db = RocksDatabase.open(dir.resolve("db"));
        collections = new CollectionStore(db, CLOCK);
        people = collections.create(settings("people")).orElseThrow();
        store = collections.faces(people);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static CollectionRecord settings(String name) {
        return new CollectionRecord(name, 0, Metric.EUCLIDEAN, 0.6f, IndexFormat.HNSW_FLOAT32, 128, Instant.EPOCH, "test-model@1", 0.01, null);
    }

    private EnrollItem item(String requestId, int identity, int samples) {
        List<NewFace> faces = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            faces.add(new NewFace(synthetic.sample(identity, s), null, 1, null, StoredFace.Source.PRECOMPUTED));
        }
        return new EnrollItem(requestId, SyntheticFaces.subject(identity), faces, Map.of("k", "v"), "test-model@1");
    }

    @Test
    void collectionsGetIncreasingIdsAndNamesAreUnique() {
        CollectionRecord other = collections.create(settings("other")).orElseThrow();
        assertEquals(people.id() + 1, other.id());
        assertTrue(collections.create(settings("people")).isEmpty());
        assertEquals(List.of("other", "people"), collections.list().stream().map(CollectionRecord::name).toList());
        assertEquals(CLOCK.instant(), collections.get("people").orElseThrow().created());
    }

    @Test
    void storedFaceRoundTripsEveryField() {
        float[] points = new float[136];
        for (int i = 0; i < points.length; i++) {
            points[i] = i * 0.5f;
        }
        NewFace face = new NewFace(synthetic.sample(1, 1), new FaceBox(1, 2, 30, 40), 0.93f, new Landmarks(points), StoredFace.Source.IMAGE);
        EnrollItem item = new EnrollItem("r-1", "alice", List.of(face), Map.of("camera", "front", "site", "lab"), "m@2");
        StoredFace stored = store.enroll(List.of(item)).value().getFirst().faces().getFirst();
        StoredFace read = store.get(stored.faceId()).orElseThrow();
        assertEquals("alice", read.subjectId());
        assertArrayEquals(synthetic.sample(1, 1), read.embedding());
        assertEquals(new FaceBox(1, 2, 30, 40), read.box());
        assertEquals(0.93f, read.quality());
        assertEquals(new Landmarks(points), read.landmarks());
        assertEquals(StoredFace.Source.IMAGE, read.source());
        assertEquals(CLOCK.instant(), read.created());
        assertEquals("m@2", read.modelId());
        assertEquals("r-1", read.requestId());
        assertEquals(Map.of("camera", "front", "site", "lab"), read.metadata());
        assertArrayEquals(read.embedding(), store.embedding(stored.faceId()));
    }

    @Test
    void aRequestIdEnrolsOnce() {
        Enrolled first = store.enroll(List.of(item("req-1", 1, 2))).value().getFirst();
        Written<List<Enrolled>> again = store.enroll(List.of(item("req-1", 1, 2), item("req-1", 1, 2)));
        assertFalse(first.replayed());
        for (Enrolled e : again.value()) {
            assertTrue(e.replayed());
            assertEquals(first.faces().stream().map(StoredFace::faceId).toList(), e.faces().stream().map(StoredFace::faceId).toList());
        }
        assertEquals(List.of(), again.changes());
        assertEquals(2, store.faceCount());
        assertEquals(1, store.subjectCount());
    }

    @Test
    void countsFollowEnrolmentsAndDeletes() {
        store.enroll(List.of(item("", 1, 3), item("", 2, 2), item("", 1, 1)));
        assertEquals(6, store.faceCount());
        assertEquals(2, store.subjectCount());
        assertEquals(4, store.subject("person-1").orElseThrow().faceCount());
        Written<Deleted> deleted = store.deleteSubject("person-1");
        assertEquals(4, deleted.value().faces().size());
        assertEquals(4, deleted.changes().size());
        assertEquals(2, store.faceCount());
        assertEquals(1, store.subjectCount());
        assertTrue(store.subject("person-1").isEmpty());
        UUID last = store.facesOf("person-2").getFirst().faceId();
        Deleted one = store.delete(List.of(last, last, UUID.randomUUID())).value();
        assertEquals(1, one.faces().size());
        assertEquals(1, one.notFound().size());
        assertEquals(1, store.faceCount());
        assertNull(store.embedding(last));
    }

    @Test
    void listingsPageWithoutGapsOrRepeats() {
        for (int i = 0; i < 25; i++) {
            store.enroll(List.of(item("", i, 2)));
        }
        List<String> subjects = new ArrayList<>();
        String afterSubject = null;
        do {
            Page<SubjectSummary, String> page = store.listSubjects(afterSubject, 7);
            page.items().forEach(s -> subjects.add(s.subjectId()));
            afterSubject = page.after();
        } while (afterSubject != null);
        assertEquals(25, subjects.size());
        assertEquals(subjects.stream().sorted().toList(), subjects);

        List<UUID> faces = new ArrayList<>();
        UUID after = null;
        do {
            Page<StoredFace, UUID> page = store.listFaces(null, after, 9);
            page.items().forEach(f -> faces.add(f.faceId()));
            after = page.after();
        } while (after != null);
        assertEquals(50, faces.size());
        assertEquals(50, faces.stream().distinct().count());

        Page<StoredFace, UUID> first = store.listFaces("person-3", null, 1);
        Page<StoredFace, UUID> second = store.listFaces("person-3", first.after(), 1);
        assertNotEquals(first.items().getFirst().faceId(), second.items().getFirst().faceId());
        assertNull(second.after());
    }

    @Test
    void changeLogWatermarkWaitsForTheLowestIncompleteSequence() {
        Written<List<Enrolled>> a = store.enroll(List.of(item("", 1, 2)));
        Written<List<Enrolled>> b = store.enroll(List.of(item("", 2, 1)));
        ChangeLog log = store.changeLog();
        assertEquals(3, log.lastSequence());
        assertEquals(0, log.watermark());
        log.complete(b.sequences());
        assertEquals(0, log.watermark());
        log.complete(a.sequences());
        assertEquals(3, log.watermark());
        assertEquals(3, log.after(0, 100).size());
    }

    @Test
    void sequencesNeverGoBackAfterTheLogIsTrimmed() {
        store.enroll(List.of(item("", 1, 3)));
        store.changeLog().trimThrough(3);
        assertEquals(List.of(), store.changeLog().after(0, 10));
        db.close();
        db = RocksDatabase.open(dir.resolve("db"));
        collections = new CollectionStore(db, CLOCK);
        store = collections.faces(people);
        assertEquals(3, store.changeLog().lastSequence());
        assertEquals(4, store.changeLog().firstSequence());
        store.enroll(List.of(item("", 2, 1)));
        assertEquals(4, store.changeLog().after(0, 10).getFirst().sequence());
    }

    @Test
    void deletingACollectionRemovesEverythingItOwned() {
        store.enroll(List.of(item("req", 1, 3)));
        CollectionRecord kept = collections.create(settings("kept")).orElseThrow();
        RocksFaceStore keptStore = collections.faces(kept);
        keptStore.enroll(List.of(item("req", 1, 1)));
        collections.delete(people);
        assertTrue(collections.get("people").isEmpty());
        CollectionRecord again = collections.create(settings("people")).orElseThrow();
        assertNotEquals(people.id(), again.id());
        RocksFaceStore fresh = collections.faces(again);
        assertEquals(0, fresh.faceCount());
        assertFalse(fresh.enroll(List.of(item("req", 1, 1))).value().getFirst().replayed());
        assertEquals(1, keptStore.faceCount());
        int[] n = {0};
        store.forEachEmbedding((id, v) -> n[0]++);
        assertEquals(0, n[0]);
    }
}
