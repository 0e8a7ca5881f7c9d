package io.facesearch.store.embedded.rocks;

import java.nio.charset.StandardCharsets;

/**
 * The column families of the database. Each key and value layout is documented on the class named
 * here; every family but {@code default} and {@code collections} is keyed by collection id first, so
 * dropping a collection is one range delete per family.
 */
enum Family {
    /** Unused by FaceSearch; RocksDB requires it. */
    DEFAULT("default"),
    /** Store-wide values: key "collection-id" holds the last collection id assigned, u64. */
    META("meta"),
    /** Name -> {@link CollectionValue}. */
    COLLECTIONS("collections"),
    /** {@link FaceKey} -> {@link FaceValue}. */
    FACES("faces"),
    /** {@link SubjectKey} -> u64 creation millis, u64 face count. */
    SUBJECTS("subjects"),
    /** {@link SubjectFaceKey} -> empty. */
    SUBJECT_FACES("subject_faces"),
    /** {@link RequestKey} -> face ids enrolled by that request. */
    REQUESTS("requests"),
    /** {@link ChangeKey} -> operation and face id. */
    CHANGES("changes"),
    /** {@link CounterKey} -> u64 little-endian, merged. */
    COUNTERS("counters");

    final String familyName;

    Family(String familyName) {
        this.familyName = familyName;
    }

    byte[] nameBytes() {
        return familyName.getBytes(StandardCharsets.UTF_8);
    }

    /** Families whose keys start with a collection id. */
    static Family[] collectionScoped() {
        return new Family[] {FACES, SUBJECTS, SUBJECT_FACES, REQUESTS, CHANGES, COUNTERS};
    }
}
