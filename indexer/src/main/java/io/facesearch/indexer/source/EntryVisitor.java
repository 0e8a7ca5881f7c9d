package io.facesearch.indexer.source;

/** What a source calls for each of its files. */
@FunctionalInterface
public interface EntryVisitor {

    /** @return false to stop the visit */
    boolean visit(SourceEntry entry) throws InterruptedException;
}
