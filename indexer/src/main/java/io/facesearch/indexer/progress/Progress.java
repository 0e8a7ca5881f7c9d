package io.facesearch.indexer.progress;

/**
 * What the indexer tells whoever watches a run: how many photos there are to do, and each one
 * done. Called from several threads.
 */
public interface Progress extends AutoCloseable {
    /** Tells nobody. */
    Progress NONE = new Progress() {
    };

    /** The input holds {@code photos} photos to index (known once counted). */
    default void total(long photos) {
    }

    /** A photo needs no work (done by an earlier run, or a copy of another): it leaves the total. */
    default void skipped() {
    }

    /** A photo is finished: enrolled with {@code faces} faces, found without one, or refused. */
    default void done(int faces) {
    }

    @Override
    default void close() {
    }
}
