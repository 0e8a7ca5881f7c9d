package io.facesearch.store;

import io.facesearch.domain.Deleted;
import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.Page;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The faces and subjects of one collection: the truth, from which its {@link VectorIndex} is
 * derived. Implementations are thread-safe.
 *
 * <p><b>Acknowledged.</b> When a write method returns, its effect is durable: it survives a crash
 * of the process (and, for a replicated backend, of a node) and is seen by every later read of
 * this store. Deleted faces are also gone from the collection's index, exact or approximate, when
 * {@link #delete} or {@link #deleteSubject} returns; enrolled faces become searchable within the
 * index's refresh delay (see {@link VectorIndex#lag()}).
 *
 * <p><b>Request ids.</b> An {@link EnrollItem} with a non-empty request id is stored at most once
 * per collection: a later item (in the same call or another) with the same id stores nothing and
 * is answered with the faces the first one stored, less any deleted since ({@link Enrolled#replayed()}).
 *
 * <p><b>Paging.</b> Listings resume after a position (the last id returned), not a snapshot: items
 * added or deleted meanwhile are seen or skipped, none is returned twice.
 */
public interface FaceStore {

    /** Stores every item durably, each item all or nothing; results are in item order. */
    List<Enrolled> enroll(List<EnrollItem> items);

    /** Deletes faces by id; ids not in the collection are reported in {@link Deleted#notFound()}. */
    Deleted delete(List<UUID> faceIds);

    /** Deletes every face of a subject; the subject goes with its last face. */
    Deleted deleteSubject(String subjectId);

    Optional<StoredFace> get(UUID faceId);

    /** Faces by id in the argument's order; ids not found are skipped. */
    List<StoredFace> getAll(List<UUID> faceIds);

    /** The stored embedding of a face, or null; may be cheaper than {@link #get}. */
    float[] embedding(UUID faceId);

    /**
     * One page of faces in face-id order, of the whole collection or of one subject.
     *
     * @param subjectId null for every face of the collection
     * @param after the last face id of the previous page, or null for the first page
     */
    Page<StoredFace, UUID> listFaces(String subjectId, UUID after, int limit);

    /** One page of subjects in bytewise order of their UTF-8 ids, after {@code after} (null: from the first). */
    Page<SubjectSummary, String> listSubjects(String after, int limit);

    Optional<SubjectSummary> subject(String subjectId);

    long faceCount();

    long subjectCount();

    /** Visits every face's id and embedding, for exact scans and rebuilds. */
    void forEachEmbedding(BiConsumer<UUID, float[]> visitor);

    /**
     * The collection's change sequence: it grows with every face enrolled or deleted and never
     * goes back, even across restarts, so a derived copy can say how much of the truth it holds.
     */
    long changeSequence();

    /** Every face of a subject, by face id. */
    default List<StoredFace> facesOf(String subjectId) {
        List<StoredFace> faces = new ArrayList<>();
        UUID after = null;
        do {
            Page<StoredFace, UUID> page = listFaces(subjectId, after, 1000);
            faces.addAll(page.items());
            after = page.after();
        } while (after != null);
        return faces;
    }
}
