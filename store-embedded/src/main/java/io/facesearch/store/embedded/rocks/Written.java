package io.facesearch.store.embedded.rocks;

import java.util.List;

/**
 * The outcome of a durable write, with the change-log entries it appended. The caller passes
 * {@link #sequences()} to {@link ChangeLog#complete} once they may be applied to the index (at
 * once for enrolments; after the synchronous index delete for deletes).
 */
public record Written<T>(T value, List<Change> changes) {
    public Written {
        changes = List.copyOf(changes);
    }

    public long[] sequences() {
        return changes.stream().mapToLong(Change::sequence).toArray();
    }
}
