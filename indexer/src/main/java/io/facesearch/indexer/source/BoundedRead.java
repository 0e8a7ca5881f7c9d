package io.facesearch.indexer.source;

import java.io.IOException;
import java.io.InputStream;

/** Reads a stream whole, but no more than a limit: a huge entry is refused, not held. */
final class BoundedRead {

    private BoundedRead() {
    }

    static byte[] readAll(InputStream in, String path, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes);
        if (bytes.length == maxBytes && in.read() != -1) {
            throw new SourceEntry.EntryTooLargeException(path, maxBytes);
        }
        return bytes;
    }
}
