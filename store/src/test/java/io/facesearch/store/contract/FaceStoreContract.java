package io.facesearch.store.contract;

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
import io.facesearch.domain.Metric;
import io.facesearch.domain.Page;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import io.facesearch.store.StoredCollection;
import io.facesearch.store.testing.SyntheticFaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Collections, enrolment, idempotent request ids, listings and deletes: what every face store
 * does. Listing order is the backend's (stable, so positions resume), except that subjects come in
 * bytewise order of their UTF-8 ids.
 */
public abstract class FaceStoreContract extends BackendContract {

    @Test
    void createsListsAndRefusesDuplicateCollections() {
        StoredCollection people = create("people", Metric.COSINE);
        CollectionRecord record = people.record();
        assertEquals("people", record.name());
        assertEquals(Metric.COSINE, record.metric());
        assertEquals(FACES.dimension(), record.dimension());
        assertEquals("synthetic@1", record.modelId());
        assertTrue(backend.create(record).isEmpty(), "a second collection of the same name");
        StoredCollection other = create("other");
        assertNotEquals(record.id(), other.record().id());
        assertEquals(List.of("other", "people"), backend.collections().stream().map(c -> c.record().name()).toList());
    }

    @Test
    void enrolsFacesWithTheirDetails() {
        StoredCollection c = create("c");
        List<Enrolled> enrolled = c.faces().enroll(List.of(item(1, 0, ""), item(1, 1, ""), item(2, 0, "")));
        assertEquals(3, enrolled.size());
        enrolled.forEach(e -> assertFalse(e.replayed()));
        StoredFace face = enrolled.getFirst().faces().getFirst();
        StoredFace read = c.faces().get(face.faceId()).orElseThrow();
        assertEquals(SyntheticFaces.subject(1), read.subjectId());
        assertArrayEquals(FACES.sample(1, 0), read.embedding());
        assertArrayEquals(FACES.sample(1, 0), c.faces().embedding(face.faceId()));
        assertEquals("0", read.metadata().get("sample"));
        assertEquals("synthetic@1", read.modelId());
        assertEquals(StoredFace.Source.PRECOMPUTED, read.source());
        assertEquals(3, c.faces().faceCount());
        assertEquals(2, c.faces().subjectCount());
        assertEquals(2, c.faces().subject(SyntheticFaces.subject(1)).orElseThrow().faceCount());
        assertTrue(c.faces().get(UUID.randomUUID()).isEmpty());
        assertNull(c.faces().embedding(UUID.randomUUID()));
    }

    @Test
    void changeSequenceGrowsWithEveryWrite() {
        StoredCollection c = create("c");
        long before = c.faces().changeSequence();
        StoredFace face = c.faces().enroll(List.of(item(1, 0, ""))).getFirst().faces().getFirst();
        long afterEnrol = c.faces().changeSequence();
        assertTrue(afterEnrol > before);
        c.faces().delete(List.of(face.faceId()));
        assertTrue(c.faces().changeSequence() > afterEnrol);
    }

    @Test
    void aRequestIdStoresOnceAndReplaysTheSameFaces() {
        StoredCollection c = create("c");
        Enrolled first = c.faces().enroll(List.of(item(1, 0, "req-1"))).getFirst();
        Enrolled again = c.faces().enroll(List.of(item(1, 0, "req-1"))).getFirst();
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(ids(first.faces()), ids(again.faces()));
        // Within one call too, even with different content: the id decides.
        List<Enrolled> batch = c.faces().enroll(List.of(item(2, 0, "req-2"), item(3, 0, "req-2")));
        assertFalse(batch.get(0).replayed());
        assertTrue(batch.get(1).replayed());
        assertEquals(ids(batch.get(0).faces()), ids(batch.get(1).faces()));
        assertEquals(2, c.faces().faceCount(), "nothing stored twice");
        assertEquals(2, c.faces().subjectCount());
        // Request ids belong to their collection.
        StoredCollection other = create("other");
        assertFalse(other.faces().enroll(List.of(item(1, 0, "req-1"))).getFirst().replayed());
    }

    @Test
    void listsFacesAndSubjectsPageByPage() {
        StoredCollection c = create("c");
        List<StoredFace> stored = enrollGrid(c, 7, 3);
        List<UUID> expected = stored.stream().map(StoredFace::faceId).toList();
        List<UUID> listed = new ArrayList<>();
        UUID after = null;
        int pages = 0;
        do {
            Page<StoredFace, UUID> page = c.faces().listFaces(null, after, 4);
            assertTrue(page.items().size() <= 4);
            page.items().forEach(f -> listed.add(f.faceId()));
            after = page.after();
            pages++;
        } while (after != null);
        assertEquals(new HashSet<>(expected), new HashSet<>(listed), "every face once");
        assertEquals(expected.size(), listed.size(), "no face twice");
        assertTrue(pages >= 6);

        String subject = SyntheticFaces.subject(4);
        Page<StoredFace, UUID> first = c.faces().listFaces(subject, null, 2);
        Page<StoredFace, UUID> second = c.faces().listFaces(subject, first.after(), 2);
        assertEquals(2, first.items().size());
        assertEquals(1, second.items().size());
        assertNull(second.after());
        Set<UUID> ofSubject = new HashSet<>(ids(first.items()));
        ofSubject.addAll(ids(second.items()));
        assertEquals(ofSubject, new HashSet<>(ids(c.faces().facesOf(subject))));
        first.items().forEach(f -> assertEquals(subject, f.subjectId()));

        List<String> subjects = new ArrayList<>();
        String afterSubject = null;
        do {
            Page<SubjectSummary, String> page = c.faces().listSubjects(afterSubject, 3);
            page.items().forEach(s -> {
                assertEquals(3, s.faceCount());
                subjects.add(s.subjectId());
            });
            afterSubject = page.after();
        } while (afterSubject != null);
        List<String> sorted = new ArrayList<>(subjects);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(7, subjects.size());
        assertEquals(sorted, subjects);
    }

    @Test
    void deletesFacesSubjectsAndCollections() {
        StoredCollection c = create("c");
        List<StoredFace> stored = enrollGrid(c, 3, 2);
        UUID unknown = UUID.randomUUID();
        Deleted deleted = c.faces().delete(List.of(stored.get(0).faceId(), unknown));
        assertEquals(List.of(stored.get(0).faceId()), ids(deleted.faces()));
        assertEquals(List.of(unknown), deleted.notFound());
        assertEquals(5, c.faces().faceCount());
        assertTrue(c.faces().delete(List.of(stored.get(0).faceId())).faces().isEmpty(), "deleting twice deletes nothing");

        Deleted subject = c.faces().deleteSubject(SyntheticFaces.subject(1));
        assertEquals(2, subject.faces().size());
        assertTrue(c.faces().subject(SyntheticFaces.subject(1)).isEmpty());
        assertEquals(3, c.faces().faceCount());
        assertEquals(2, c.faces().subjectCount());
        // The subject's first face went, the subject stays with its other face.
        assertEquals(1, c.faces().subject(SyntheticFaces.subject(0)).orElseThrow().faceCount());

        assertEquals(3, backend.delete(c));
        assertTrue(backend.collections().isEmpty());
        StoredCollection again = create("c");
        assertEquals(0, again.faces().faceCount());
        assertTrue(again.faces().get(stored.get(2).faceId()).isEmpty());
        assertFalse(again.faces().enroll(List.of(item(0, 1, "0/1"))).getFirst().replayed(), "request ids went with the collection");
    }

    /** An item left without faces (every face of its photo refused) stores nothing, not even its subject. */
    @Test
    void anItemWithoutFacesStoresNothing() {
        StoredCollection c = create("c");
        EnrollItem empty = new EnrollItem("", SyntheticFaces.subject(1), List.of(), java.util.Map.of(), "synthetic@1");
        assertTrue(c.faces().enroll(List.of(empty)).getFirst().faces().isEmpty());
        assertEquals(0, c.faces().faceCount());
        assertEquals(0, c.faces().subjectCount());
    }

    static List<UUID> ids(List<StoredFace> faces) {
        return faces.stream().map(StoredFace::faceId).toList();
    }
}
