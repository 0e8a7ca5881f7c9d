package io.facesearch.store.embedded.rocks;

import io.facesearch.domain.Deleted;
import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.NewFace;
import io.facesearch.domain.Page;
import io.facesearch.domain.StoreException;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The subjects and faces of one collection in the database: enrolment, deletion, reads and
 * listings. Every write is one atomic, WAL-synced batch that also updates the subject-to-faces
 * index, the subject records (value: u64 creation millis, u64 face count), the counters, the
 * request ids and the change log, so they never disagree after a crash.
 */
public final class RocksFaceStore {
    private static final byte[] EMPTY = new byte[0];

    private final RocksDatabase db;
    private final KeyLocks locks;
    private final long collectionId;
    private final ChangeLog changeLog;
    private final Clock clock;

    RocksFaceStore(RocksDatabase db, KeyLocks locks, long collectionId, Clock clock) {
        this.db = db;
        this.locks = locks;
        this.collectionId = collectionId;
        this.changeLog = new ChangeLog(db, collectionId);
        this.clock = clock;
    }

    public ChangeLog changeLog() {
        return changeLog;
    }

    /**
     * Stores every item in one synced batch; results are in item order. An item whose request id
     * was stored before (or earlier in the same batch) is answered from that record instead.
     */
    public Written<List<Enrolled>> enroll(List<EnrollItem> items) {
        List<String> lockKeys = new ArrayList<>();
        for (EnrollItem item : items) {
            lockKeys.add("s\0" + collectionId + "\0" + item.subjectId());
            if (!item.requestId().isEmpty()) {
                lockKeys.add("r\0" + collectionId + "\0" + item.requestId());
            }
        }
        try (KeyLocks.Held held = locks.lock(lockKeys); WriteBatch batch = new WriteBatch()) {
            List<Change> changes = new ArrayList<>();
            List<Enrolled> results = new ArrayList<>();
            Map<String, List<StoredFace>> requestsInBatch = new HashMap<>();
            Map<String, long[]> subjects = new LinkedHashMap<>();
            long newSubjects = 0;
            long newFaces = 0;
            try {
                for (EnrollItem item : items) {
                    Optional<List<StoredFace>> earlier = item.requestId().isEmpty() ? Optional.empty()
                            : Optional.ofNullable(requestsInBatch.get(item.requestId())).or(() -> storedRequest(item.requestId()));
                    if (earlier.isPresent()) {
                        results.add(new Enrolled(earlier.get(), true));
                        continue;
                    }
                    List<StoredFace> stored = new ArrayList<>();
                    for (NewFace face : item.faces()) {
                        StoredFace sf = new StoredFace(UUID.randomUUID(), item.subjectId(), face.embedding(), face.box(),
                                face.quality(), face.landmarks(), face.source(), clock.instant(), item.modelId(),
                                item.requestId(), item.metadata());
                        batch.put(db.family(Family.FACES), new FaceKey(collectionId, sf.faceId()).encode(), FaceValue.encode(sf));
                        batch.put(db.family(Family.SUBJECT_FACES), new SubjectFaceKey(collectionId, sf.subjectId(), sf.faceId()).encode(), EMPTY);
                        long sequence = changeLog.append(batch, Change.Operation.UPSERT, sf.faceId());
                        changes.add(new Change(sequence, Change.Operation.UPSERT, sf.faceId()));
                        stored.add(sf);
                    }
                    if (!stored.isEmpty()) {
                        long[] subject = subjects.computeIfAbsent(item.subjectId(), this::subjectState);
                        if (subject[1] == 0) {
                            newSubjects++;
                        }
                        subject[1] += stored.size();
                        newFaces += stored.size();
                    }
                    if (!item.requestId().isEmpty()) {
                        batch.put(db.family(Family.REQUESTS), new RequestKey(collectionId, item.requestId()).encode(), encodeIds(stored));
                        requestsInBatch.put(item.requestId(), stored);
                    }
                    results.add(new Enrolled(stored, false));
                }
                putSubjects(batch, subjects);
                mergeCounters(batch, newFaces, newSubjects);
                db.write(batch);
            } catch (RocksDBException | RuntimeException e) {
                changeLog.complete(changes.stream().mapToLong(Change::sequence).toArray());
                throw e instanceof RocksDBException r ? new StoreException("enrolment failed: " + r.getMessage(), r) : (RuntimeException) e;
            }
            return new Written<>(results, changes);
        }
    }

    /** Deletes faces by id; ids not in this collection are reported, not an error. */
    public Written<Deleted> delete(List<UUID> faceIds) {
        List<StoredFace> found = new ArrayList<>();
        List<UUID> notFound = new ArrayList<>();
        Set<UUID> unique = new HashSet<>();
        for (UUID id : faceIds) {
            if (!unique.add(id)) {
                continue;
            }
            Optional<StoredFace> face = get(id);
            if (face.isPresent()) {
                found.add(face.get());
            } else {
                notFound.add(id);
            }
        }
        Written<List<StoredFace>> written = deleteStored(found);
        return new Written<>(new Deleted(written.value(), notFound), written.changes());
    }

    /** Deletes every face of a subject. */
    public Written<Deleted> deleteSubject(String subjectId) {
        Written<List<StoredFace>> written = deleteStored(facesOf(subjectId));
        return new Written<>(new Deleted(written.value(), List.of()), written.changes());
    }

    private Written<List<StoredFace>> deleteStored(List<StoredFace> faces) {
        List<String> lockKeys = faces.stream().map(f -> "s\0" + collectionId + "\0" + f.subjectId()).distinct().toList();
        try (KeyLocks.Held held = locks.lock(lockKeys); WriteBatch batch = new WriteBatch()) {
            List<Change> changes = new ArrayList<>();
            List<StoredFace> deleted = new ArrayList<>();
            Map<String, long[]> subjects = new LinkedHashMap<>();
            try {
                for (StoredFace face : faces) {
                    // Re-read under the subject lock: a concurrent delete may have removed it.
                    if (db.get(Family.FACES, new FaceKey(collectionId, face.faceId()).encode()) == null) {
                        continue;
                    }
                    batch.delete(db.family(Family.FACES), new FaceKey(collectionId, face.faceId()).encode());
                    batch.delete(db.family(Family.SUBJECT_FACES), new SubjectFaceKey(collectionId, face.subjectId(), face.faceId()).encode());
                    long sequence = changeLog.append(batch, Change.Operation.DELETE, face.faceId());
                    changes.add(new Change(sequence, Change.Operation.DELETE, face.faceId()));
                    subjects.computeIfAbsent(face.subjectId(), this::subjectState)[1]--;
                    deleted.add(face);
                }
                long goneSubjects = subjects.values().stream().filter(s -> s[1] <= 0).count();
                putSubjects(batch, subjects);
                mergeCounters(batch, -deleted.size(), -goneSubjects);
                if (!deleted.isEmpty()) {
                    db.write(batch);
                }
            } catch (RocksDBException | RuntimeException e) {
                changeLog.complete(changes.stream().mapToLong(Change::sequence).toArray());
                throw e instanceof RocksDBException r ? new StoreException("delete failed: " + r.getMessage(), r) : (RuntimeException) e;
            }
            return new Written<>(deleted, changes);
        }
    }

    public Optional<StoredFace> get(UUID faceId) {
        byte[] value = db.get(Family.FACES, new FaceKey(collectionId, faceId).encode());
        return value == null ? Optional.empty() : Optional.of(FaceValue.decode(faceId, value));
    }

    /** The stored embedding of a face, or null; cheaper than {@link #get}. */
    public float[] embedding(UUID faceId) {
        byte[] value = db.get(Family.FACES, new FaceKey(collectionId, faceId).encode());
        return value == null ? null : FaceValue.decodeEmbedding(value);
    }

    /** Embeddings by id, in the argument's order, null where a face is absent; one multi-get. */
    public List<float[]> embeddings(List<UUID> faceIds) {
        if (faceIds.isEmpty()) {
            return List.of();
        }
        List<byte[]> values = db.multiGet(Family.FACES, faceIds.stream().map(id -> new FaceKey(collectionId, id).encode()).toList());
        List<float[]> embeddings = new ArrayList<>(values.size());
        for (byte[] value : values) {
            embeddings.add(value == null ? null : FaceValue.decodeEmbedding(value));
        }
        return embeddings;
    }

    /** Faces by id in the argument's order; missing ids are skipped. */
    public List<StoredFace> getAll(List<UUID> faceIds) {
        if (faceIds.isEmpty()) {
            return List.of();
        }
        List<byte[]> keys = faceIds.stream().map(id -> new FaceKey(collectionId, id).encode()).toList();
        List<byte[]> values = db.multiGet(Family.FACES, keys);
        List<StoredFace> faces = new ArrayList<>();
        for (int i = 0; i < faceIds.size(); i++) {
            if (values.get(i) != null) {
                faces.add(FaceValue.decode(faceIds.get(i), values.get(i)));
            }
        }
        return faces;
    }

    /** Every face of a subject, by face id. */
    public List<StoredFace> facesOf(String subjectId) {
        List<StoredFace> faces = new ArrayList<>();
        UUID after = null;
        do {
            Page<StoredFace, UUID> page = listFaces(subjectId, after, 1000);
            faces.addAll(page.items());
            after = page.after();
        } while (after != null);
        return faces;
    }

    /**
     * One page of faces by face id, of the whole collection or of one subject.
     *
     * @param subjectId null for every face of the collection
     * @param after the last face id of the previous page, or null
     */
    public Page<StoredFace, UUID> listFaces(String subjectId, UUID after, int limit) {
        if (subjectId == null) {
            List<StoredFace> faces = new ArrayList<>();
            byte[] from = after == null ? ByteLayout.collectionPrefix(collectionId) : successor(new FaceKey(collectionId, after).encode());
            try (RocksDatabase.Cursor c = db.scan(Family.FACES, from, ByteLayout.collectionEnd(collectionId))) {
                for (; c.valid() && faces.size() < limit; c.next()) {
                    faces.add(FaceValue.decode(FaceKey.decode(c.key()).faceId(), c.value()));
                }
                return new Page<>(faces, c.valid() ? faces.getLast().faceId() : null);
            }
        }
        byte[] prefix = SubjectFaceKey.subjectPrefix(collectionId, subjectId);
        byte[] from = after == null ? prefix : successor(new SubjectFaceKey(collectionId, subjectId, after).encode());
        List<UUID> ids = new ArrayList<>();
        boolean more;
        try (RocksDatabase.Cursor c = db.scan(Family.SUBJECT_FACES, from, prefixEnd(prefix))) {
            for (; c.valid() && ids.size() < limit; c.next()) {
                ids.add(SubjectFaceKey.decode(c.key()).faceId());
            }
            more = c.valid();
        }
        return new Page<>(getAll(ids), more ? ids.getLast() : null);
    }

    /** One page of subjects in bytewise order of their UTF-8 ids, after {@code after} (or from the first). */
    public Page<SubjectSummary, String> listSubjects(String after, int limit) {
        List<SubjectSummary> subjects = new ArrayList<>();
        byte[] from = after == null ? ByteLayout.collectionPrefix(collectionId) : successor(new SubjectKey(collectionId, after).encode());
        try (RocksDatabase.Cursor c = db.scan(Family.SUBJECTS, from, ByteLayout.collectionEnd(collectionId))) {
            for (; c.valid() && subjects.size() < limit; c.next()) {
                ByteBuffer value = ByteBuffer.wrap(c.value());
                long created = value.getLong();
                subjects.add(new SubjectSummary(SubjectKey.decode(c.key()).subjectId(), value.getLong(), java.time.Instant.ofEpochMilli(created)));
            }
            return new Page<>(subjects, c.valid() ? subjects.getLast().subjectId() : null);
        }
    }

    public Optional<SubjectSummary> subject(String subjectId) {
        byte[] value = db.get(Family.SUBJECTS, new SubjectKey(collectionId, subjectId).encode());
        if (value == null) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        long created = in.getLong();
        return Optional.of(new SubjectSummary(subjectId, in.getLong(), java.time.Instant.ofEpochMilli(created)));
    }

    public long faceCount() {
        return CounterKey.value(db.get(Family.COUNTERS, new CounterKey(collectionId, CounterKey.Kind.FACES).encode()));
    }

    public long subjectCount() {
        return CounterKey.value(db.get(Family.COUNTERS, new CounterKey(collectionId, CounterKey.Kind.SUBJECTS).encode()));
    }

    /** Visits every face's id and embedding in id order; for index rebuilds and exact audits. */
    public void forEachEmbedding(BiConsumer<UUID, float[]> visitor) {
        try (RocksDatabase.Cursor c = db.scan(Family.FACES, ByteLayout.collectionPrefix(collectionId), ByteLayout.collectionEnd(collectionId))) {
            for (; c.valid(); c.next()) {
                visitor.accept(FaceKey.decode(c.key()).faceId(), FaceValue.decodeEmbedding(c.value()));
            }
        }
    }

    /**
     * Rewrites the collection's key ranges so deleted values are physically dropped from disk.
     * Every family's memtable is flushed first: a write-ahead-log file is deleted only once every
     * family holding data from it is flushed, and until then it still holds deleted values.
     */
    public void compact() {
        db.flushAll();
        for (Family f : Family.collectionScoped()) {
            db.compact(f, ByteLayout.collectionPrefix(collectionId), ByteLayout.collectionEnd(collectionId));
        }
    }

    private Optional<List<StoredFace>> storedRequest(String requestId) {
        byte[] value = db.get(Family.REQUESTS, new RequestKey(collectionId, requestId).encode());
        if (value == null) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        int n = Short.toUnsignedInt(in.getShort());
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(ByteLayout.getUuid(in));
        }
        return Optional.of(getAll(ids));
    }

    private static byte[] encodeIds(List<StoredFace> faces) {
        ByteBuffer out = ByteBuffer.allocate(2 + 16 * faces.size()).putShort((short) faces.size());
        for (StoredFace f : faces) {
            ByteLayout.putUuid(out, f.faceId());
        }
        return out.array();
    }

    /** {creation millis, face count} of a subject; {now, 0} when it does not exist. */
    private long[] subjectState(String subjectId) {
        byte[] value = db.get(Family.SUBJECTS, new SubjectKey(collectionId, subjectId).encode());
        if (value == null) {
            return new long[] {clock.millis(), 0};
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        return new long[] {in.getLong(), in.getLong()};
    }

    private void putSubjects(WriteBatch batch, Map<String, long[]> subjects) throws RocksDBException {
        for (Map.Entry<String, long[]> e : subjects.entrySet()) {
            byte[] key = new SubjectKey(collectionId, e.getKey()).encode();
            if (e.getValue()[1] <= 0) {
                batch.delete(db.family(Family.SUBJECTS), key);
            } else {
                batch.put(db.family(Family.SUBJECTS), key, ByteBuffer.allocate(16).putLong(e.getValue()[0]).putLong(e.getValue()[1]).array());
            }
        }
    }

    private void mergeCounters(WriteBatch batch, long faces, long subjects) throws RocksDBException {
        if (faces != 0) {
            batch.merge(db.family(Family.COUNTERS), new CounterKey(collectionId, CounterKey.Kind.FACES).encode(), CounterKey.delta(faces));
        }
        if (subjects != 0) {
            batch.merge(db.family(Family.COUNTERS), new CounterKey(collectionId, CounterKey.Kind.SUBJECTS).encode(), CounterKey.delta(subjects));
        }
    }

    /** The smallest key greater than {@code key}: append a zero byte. */
    private static byte[] successor(byte[] key) {
        return java.util.Arrays.copyOf(key, key.length + 1);
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    private static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return java.util.Arrays.copyOf(end, i + 1);
            }
        }
        throw new IllegalArgumentException("prefix has no upper bound");
    }
}
