package io.facesearch.store.embedded;

import io.facesearch.store.embedded.hnsw.WritableIndex;
import io.facesearch.store.embedded.rocks.Change;
import io.facesearch.store.embedded.rocks.ChangeLog;
import io.facesearch.store.embedded.rocks.RocksFaceStore;
import java.io.IOException;
import java.util.List;

/**
 * Brings a collection's index up to date with the database when the collection opens: replays the
 * change log after the index's last commit, or rebuilds the index from every stored face when the
 * log cannot bridge the gap (no commit, a commit from elsewhere, or a log trimmed past it).
 */
public final class IndexRecovery {
    /** Changes read per page while replaying; bounds memory, not work. */
    private static final int PAGE = 10_000;

    /** What recovery did, for logs and tests. */
    public enum Outcome {
        UP_TO_DATE, REPLAYED, REBUILT
    }

    private IndexRecovery() {
    }

    /** Catches {@code index} up with {@code store}, commits it and trims the log it no longer needs. */
    public static Outcome recover(RocksFaceStore store, WritableIndex index) throws IOException {
        ChangeLog log = store.changeLog();
        long applied = index.appliedSequence();
        long last = log.lastSequence();
        Outcome outcome;
        if (applied < 0 || applied > last || log.firstSequence() > applied + 1) {
            rebuild(store, index);
            outcome = Outcome.REBUILT;
        } else if (applied == last) {
            outcome = Outcome.UP_TO_DATE;
        } else {
            replay(store, index, applied);
            outcome = Outcome.REPLAYED;
        }
        index.commit(last);
        index.refresh();
        log.trimThrough(last);
        return outcome;
    }

    /** Clears the index and adds every face of the collection. */
    public static void rebuild(RocksFaceStore store, WritableIndex index) throws IOException {
        index.clear();
        try {
            store.forEachEmbedding((id, vector) -> {
                try {
                    index.upsert(id, vector);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void replay(RocksFaceStore store, WritableIndex index, long after) throws IOException {
        List<Change> page;
        long position = after;
        do {
            page = store.changeLog().after(position, PAGE);
            for (Change change : page) {
                switch (change.operation()) {
                    case UPSERT -> {
                        float[] vector = store.embedding(change.faceId());
                        // Absent: deleted since; the delete follows in the log.
                        if (vector != null) {
                            index.upsert(change.faceId(), vector);
                        }
                    }
                    case DELETE -> index.delete(change.faceId());
                }
                position = change.sequence();
            }
        } while (page.size() == PAGE);
    }
}
