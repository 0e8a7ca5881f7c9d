package io.facesearch.indexer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A tar archive, plain or gzip-compressed, read as one stream: entries come in stored order and
 * each is read while the stream is on it. A tar has no index, so counting reads the archive once
 * more (on its own stream, beside the real work).
 */
final class TarSource implements ImageSource {
    /** Read-ahead of the file; gzip works on 64 KiB windows anyway. */
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final boolean gzip;

    TarSource(Path file, boolean gzip) {
        this.file = file;
        this.gzip = gzip;
    }

    @Override
    public Path path() {
        return file;
    }

    @Override
    public long count(Predicate<String> accept) throws IOException {
        long n = 0;
        try (TarArchiveInputStream tar = open()) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                if (e.isFile() && accept.test(ImageSource.normalize(e.getName()))) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void forEach(EntryVisitor visitor) throws IOException, InterruptedException {
        try (TarArchiveInputStream tar = open()) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                if (e.isFile() && !visitor.visit(new Entry(tar, e, ImageSource.normalize(e.getName())))) {
                    return;
                }
            }
        }
    }

    private TarArchiveInputStream open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        try {
            if (gzip) {
                // Concatenated members: what `cat a.tar.gz b.tar.gz` and parallel gzip tools produce.
                in = GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            }
            return new TarArchiveInputStream(in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public void close() {
        // Each visit opens and closes its own stream.
    }

    private record Entry(TarArchiveInputStream tar, TarArchiveEntry entry, String path) implements SourceEntry {
        @Override
        public long size() {
            return entry.getSize();
        }

        @Override
        public byte[] read(int maxBytes) throws IOException {
            if (entry.getSize() > maxBytes) {
                throw new EntryTooLargeException(path, maxBytes);
            }
            // The stream ends at the entry's end; closing it would close the archive.
            return BoundedRead.readAll(tar, path, maxBytes);
        }
    }
}
