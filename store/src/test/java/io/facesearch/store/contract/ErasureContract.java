package io.facesearch.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.domain.StoredFace;
import io.facesearch.store.Neighbor;
import io.facesearch.store.StoredCollection;
import io.facesearch.store.testing.SyntheticFaces;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleted data is gone when the delete returns: not read, listed, or found by an exact or
 * approximate search, even with its own embedding as the query. Physical erasure (compaction) is
 * checked too, as far as the SPI can see it.
 */
public abstract class ErasureContract extends BackendContract {

    @Test
    void aDeletedFaceIsNeverReturnedAgain() throws InterruptedException {
        StoredCollection c = create("c");
        List<StoredFace> stored = enrollGrid(c, 5, 4);
        awaitSearchable(c, stored.size());
        StoredFace gone = stored.get(6);
        float[] query = gone.embedding();
        assertTrue(found(c.index().search(query, 10), gone.faceId()), "found before the delete");
        assertTrue(found(c.index().searchExact(query, 10), gone.faceId()), "found exactly before the delete");

        c.faces().delete(List.of(gone.faceId()));
        assertNotReturned(c, gone);

        c.compact(0, SEARCHABLE_WITHIN_MILLIS).orElseThrow();
        assertNotReturned(c, gone);
        assertEquals(stored.size() - 1, c.index().size());
    }

    @Test
    void aDeletedSubjectIsNeverReturnedAgain() {
        StoredCollection c = create("c");
        List<StoredFace> stored = enrollGrid(c, 4, 3);
        awaitSearchable(c, stored.size());
        String subject = SyntheticFaces.subject(2);
        c.faces().deleteSubject(subject);
        for (StoredFace face : stored) {
            if (face.subjectId().equals(subject)) {
                assertNotReturned(c, face);
            }
        }
        assertTrue(c.faces().subject(subject).isEmpty());
        assertTrue(c.faces().listSubjects(null, 100).items().stream().noneMatch(s -> s.subjectId().equals(subject)));
    }

    @Test
    void aDeletedCollectionLeavesNothingToItsSuccessor() {
        StoredCollection c = create("c");
        List<StoredFace> stored = enrollGrid(c, 3, 3);
        awaitSearchable(c, stored.size());
        backend.delete(c);
        StoredCollection again = create("c");
        float[] query = stored.getFirst().embedding();
        assertTrue(again.index().search(query, 10).isEmpty());
        assertTrue(again.index().searchExact(query, 10).isEmpty());
        assertTrue(again.faces().listFaces(null, null, 100).items().isEmpty());
        assertEquals(0, again.index().size());
    }

    private static void assertNotReturned(StoredCollection c, StoredFace face) {
        UUID id = face.faceId();
        assertTrue(c.faces().get(id).isEmpty(), "get");
        assertTrue(c.faces().getAll(List.of(id)).isEmpty(), "getAll");
        assertEquals(null, c.faces().embedding(id), "embedding");
        assertTrue(c.faces().listFaces(null, null, 1000).items().stream().noneMatch(f -> f.faceId().equals(id)), "listFaces");
        assertTrue(c.faces().facesOf(face.subjectId()).stream().noneMatch(f -> f.faceId().equals(id)), "facesOf");
        float[] query = face.embedding();
        assertFalse(found(c.index().search(query, 50), id), "approximate search");
        assertFalse(found(c.index().searchExact(query, 50), id), "exact search");
    }

    private static boolean found(List<Neighbor> neighbors, UUID id) {
        return neighbors.stream().anyMatch(n -> n.faceId().equals(id));
    }
}
