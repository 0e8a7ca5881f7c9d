package io.facesearch.indexer.label;

import java.util.List;

/** Where the labels of an input's photos come from, and which of its files are photos to index. */
public interface Labels {

    /** True when the file at {@code path} is one to index. Has no side effect. */
    boolean accepts(String path);

    /**
     * The label of a file to index, or null when it is not one. Called once per file of the input,
     * by one thread.
     */
    Label labelOf(String path);

    /** How many photos the labels list, when they list them (a manifest), else -1. */
    default long listed() {
        return -1;
    }

    /** Photos the labels list that the input did not hold; complete once every file was asked about. */
    default List<String> unseen() {
        return List.of();
    }

    /** The kind of labels, for the report and the journal: {@code folders}, {@code manifest} or {@code none}. */
    String kind();
}
