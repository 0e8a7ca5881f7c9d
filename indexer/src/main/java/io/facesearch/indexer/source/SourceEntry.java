package io.facesearch.indexer.source;

import java.io.IOException;

/**
 * One file of an input, as its source visits it. Valid only during the visit: an archive read as a
 * stream has moved on afterwards.
 */
public interface SourceEntry {

    /** Its path inside the input, with '/' between names and no leading '/' or "./". */
    String path();

    /** Its size in bytes as the input declares it, or -1 when the input does not say. */
    long size();

    /**
     * Its content.
     *
     * @param maxBytes the most the caller will hold
     * @throws EntryTooLargeException when the entry holds more than {@code maxBytes}
     * @throws IOException when it cannot be read (unreadable file, damaged archive entry)
     */
    byte[] read(int maxBytes) throws IOException;

    /**
     * Why the source could not even list this entry (an unreadable folder), or null. Such an entry
     * is reported whatever its name, since what it hides is unknown.
     */
    default IOException failure() {
        return null;
    }

    /** An entry larger than the reader accepts; nothing was kept of it. */
    final class EntryTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public EntryTooLargeException(String path, long maxBytes) {
            super(path + " is larger than " + maxBytes + " bytes");
        }
    }
}
