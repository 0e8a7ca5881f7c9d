package io.facesearch.indexer.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The files of an input to index: a folder tree or an archive. Visits them one at a time, in an
 * order that is the same on every run, so that a rerun meets the photos in the same order.
 */
public interface ImageSource extends Closeable {

    /** The input. */
    Path path();

    /**
     * Counts the files whose path {@code accept} keeps, for the progress bar. May have to read the
     * whole input (a tar stream has no index), so callers run it beside the real work.
     */
    long count(Predicate<String> accept) throws IOException;

    /**
     * Visits every file (not folders, links or devices) until the visitor says stop.
     *
     * @throws IOException when the input itself cannot be read any further (a damaged archive); the
     *     entries visited before stand
     */
    void forEach(EntryVisitor visitor) throws IOException, InterruptedException;

    /** An entry path in the indexer's form: '/' separators, no leading '/' or "./". */
    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        return p;
    }
}
