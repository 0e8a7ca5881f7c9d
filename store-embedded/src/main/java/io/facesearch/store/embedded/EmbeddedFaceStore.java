package io.facesearch.store.embedded;

import io.facesearch.domain.Deleted;
import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.Page;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import io.facesearch.store.FaceStore;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import io.facesearch.store.embedded.rocks.Written;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The face store of an embedded collection: RocksDB writes, with the index kept in step. An
 * enrolment is acknowledged once its synced batch is written; its change-log entries are then
 * handed to the {@link IndexFeeder}, and the writer waits only while it is more than
 * {@code index.max.lag} changes ahead of the index. A delete removes the faces from the index and
 * refreshes it before it returns, so a deleted face is never found again.
 */
final class EmbeddedFaceStore implements FaceStore {
    private final RocksFaceStore store;
    private final IndexFeeder feeder;

    EmbeddedFaceStore(RocksFaceStore store, IndexFeeder feeder) {
        this.store = store;
        this.feeder = feeder;
    }

    @Override
    public List<Enrolled> enroll(List<EnrollItem> items) {
        Written<List<Enrolled>> written = store.enroll(items);
        // Settled in the database: the feeder may apply them.
        store.changeLog().complete(written.sequences());
        feeder.signal();
        awaitIndexLag(written);
        return written.value();
    }

    /** Paces a writer to the index: waits while the write is more than {@code index.max.lag} changes ahead of it. */
    private void awaitIndexLag(Written<?> written) {
        long last = 0;
        for (long s : written.sequences()) {
            last = Math.max(last, s);
        }
        if (last == 0) {
            return;
        }
        try {
            feeder.awaitLag(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Deleted delete(List<UUID> faceIds) {
        return indexDeleted(store.delete(faceIds));
    }

    @Override
    public Deleted deleteSubject(String subjectId) {
        return indexDeleted(store.deleteSubject(subjectId));
    }

    /** Removes deleted faces from the index and refreshes it, so they vanish from search before the reply. */
    private Deleted indexDeleted(Written<Deleted> written) {
        try {
            if (!written.value().faces().isEmpty()) {
                feeder.deleteNow(written.value().faces().stream().map(StoredFace::faceId).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index delete failed; the faces are deleted from the store and will leave the index on restart", e);
        } finally {
            // Failed or not: later changes must not wait behind these; the feeder applies their
            // log entries again, which retries a failed index delete.
            store.changeLog().complete(written.sequences());
            feeder.signal();
        }
        return written.value();
    }

    @Override
    public Optional<StoredFace> get(UUID faceId) {
        return store.get(faceId);
    }

    @Override
    public List<StoredFace> getAll(List<UUID> faceIds) {
        return store.getAll(faceIds);
    }

    @Override
    public float[] embedding(UUID faceId) {
        return store.embedding(faceId);
    }

    @Override
    public Page<StoredFace, UUID> listFaces(String subjectId, UUID after, int limit) {
        return store.listFaces(subjectId, after, limit);
    }

    @Override
    public Page<SubjectSummary, String> listSubjects(String after, int limit) {
        return store.listSubjects(after, limit);
    }

    @Override
    public Optional<SubjectSummary> subject(String subjectId) {
        return store.subject(subjectId);
    }

    @Override
    public long faceCount() {
        return store.faceCount();
    }

    @Override
    public long subjectCount() {
        return store.subjectCount();
    }

    @Override
    public void forEachEmbedding(BiConsumer<UUID, float[]> visitor) {
        store.forEachEmbedding(visitor);
    }

    @Override
    public long changeSequence() {
        return store.changeLog().lastSequence();
    }

    @Override
    public List<StoredFace> facesOf(String subjectId) {
        return store.facesOf(subjectId);
    }
}
