package io.facesearch.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.QualityThresholds;
import io.facesearch.domain.StoredFace;
import io.facesearch.store.StoredCollection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a backend acknowledged is there after it is closed and opened again on the same settings:
 * collections with their settings, faces with their details, deletes, request ids, the change
 * sequence, and search.
 */
public abstract class DurabilityContract extends BackendContract {

    @Test
    void everythingAcknowledgedSurvivesAReopen() {
        StoredCollection c = create("kept", Metric.COSINE);
        CollectionRecord record = c.record();
        List<StoredFace> stored = enrollGrid(c, 10, 3);
        StoredFace deleted = stored.get(4);
        c.faces().delete(List.of(deleted.faceId()));
        c.faces().deleteSubject(stored.get(9).subjectId());
        StoredCollection dropped = create("dropped");
        enrollGrid(dropped, 2, 2);
        backend.delete(dropped);
        long sequence = c.faces().changeSequence();
        Set<UUID> live = new HashSet<>();
        for (StoredFace f : c.faces().listFaces(null, null, 1000).items()) {
            live.add(f.faceId());
        }
        assertEquals(26, live.size());

        reopen();

        assertEquals(List.of("kept"), backend.collections().stream().map(x -> x.record().name()).toList());
        StoredCollection again = collection("kept");
        CollectionRecord reread = again.record();
        assertEquals(record.id(), reread.id());
        assertEquals(record.metric(), reread.metric());
        assertEquals(record.threshold(), reread.threshold());
        assertEquals(record.indexFormat(), reread.indexFormat());
        assertEquals(record.dimension(), reread.dimension());
        assertEquals(record.modelId(), reread.modelId());
        assertEquals(record.created().toEpochMilli(), reread.created().toEpochMilli());
        assertEquals(26, again.faces().faceCount());
        assertEquals(9, again.faces().subjectCount());
        assertTrue(again.faces().changeSequence() >= sequence, "the change sequence never goes back");
        Set<UUID> listed = new HashSet<>();
        for (StoredFace f : again.faces().listFaces(null, null, 1000).items()) {
            listed.add(f.faceId());
        }
        assertEquals(live, listed);
        assertTrue(again.faces().get(deleted.faceId()).isEmpty());
        StoredFace kept = stored.getFirst();
        StoredFace read = again.faces().get(kept.faceId()).orElseThrow();
        assertArrayEquals(kept.embedding(), read.embedding());
        assertEquals(kept.metadata(), read.metadata());
        assertEquals(kept.created().toEpochMilli(), read.created().toEpochMilli());

        Enrolled replayed = again.faces().enroll(List.of(item(0, 0, "0/0"))).getFirst();
        assertTrue(replayed.replayed(), "request ids survive");
        assertEquals(List.of(kept.faceId()), replayed.faces().stream().map(StoredFace::faceId).toList());

        awaitSearchable(again, 26);
        assertEquals(kept.faceId(), again.index().search(kept.embedding(), 1).getFirst().faceId());
        assertTrue(again.index().search(deleted.embedding(), 30).stream().noneMatch(n -> n.faceId().equals(deleted.faceId())));
    }

    @Test
    void decisionSettingsSurviveAReopen() {
        QualityThresholds strict = new QualityThresholds(0.4, 1.25, 80, 12.5, 35, 25, 20);
        CollectionRecord own = backend.create(new CollectionRecord("own", 0, Metric.EUCLIDEAN, 0.55f, IndexFormat.HNSW_FLOAT32,
                FACES.dimension(), Instant.EPOCH, "synthetic@1", 0.003, strict)).orElseThrow().record();
        CollectionRecord serverDefaults = create("server-defaults").record();

        reopen();

        CollectionRecord ownAgain = collection("own").record();
        assertEquals(0.003, ownAgain.targetFpir());
        assertEquals(strict, ownAgain.quality());
        assertEquals(own.threshold(), ownAgain.threshold());
        CollectionRecord defaultsAgain = collection("server-defaults").record();
        assertEquals(serverDefaults.targetFpir(), defaultsAgain.targetFpir());
        assertNull(defaultsAgain.quality(), "no thresholds of its own: the server's apply");
    }

    @Test
    void facesAcknowledgedDuringABulkLoadAreSearchableAfterAReopen() {
        StoredCollection c = create("bulk");
        List<StoredFace> stored = enrollGrid(c, 100, 10);
        // No waiting for the index: closing right after the acknowledgements is the point.
        reopen();
        StoredCollection again = collection("bulk");
        assertEquals(stored.size(), again.faces().faceCount());
        awaitSearchable(again, stored.size());
        StoredFace last = stored.getLast();
        assertEquals(last.faceId(), again.index().search(last.embedding(), 1).getFirst().faceId());
    }
}
