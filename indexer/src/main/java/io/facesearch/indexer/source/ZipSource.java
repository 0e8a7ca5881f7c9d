package io.facesearch.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip archive, read through its central directory: the count is known at once, and entries are
 * visited in the order their data lies in the file, so the archive is read front to back once.
 */
final class ZipSource implements ImageSource {
    private final Path file;
    private final ZipFile zip;

    ZipSource(Path file) throws IOException {
        this.file = file;
        this.zip = ZipFile.builder().setPath(file).get();
    }

    @Override
    public Path path() {
        return file;
    }

    @Override
    public long count(Predicate<String> accept) {
        long n = 0;
        for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements();) {
            ZipArchiveEntry entry = e.nextElement();
            if (isFile(entry) && accept.test(ImageSource.normalize(entry.getName()))) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void forEach(EntryVisitor visitor) throws InterruptedException {
        for (Enumeration<ZipArchiveEntry> e = zip.getEntriesInPhysicalOrder(); e.hasMoreElements();) {
            ZipArchiveEntry entry = e.nextElement();
            if (isFile(entry) && !visitor.visit(new Entry(entry, ImageSource.normalize(entry.getName())))) {
                return;
            }
        }
    }

    private static boolean isFile(ZipArchiveEntry entry) {
        return !entry.isDirectory() && !entry.isUnixSymlink();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private final class Entry implements SourceEntry {
        private final ZipArchiveEntry entry;
        private final String path;

        Entry(ZipArchiveEntry entry, String path) {
            this.entry = entry;
            this.path = path;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public long size() {
            return entry.getSize();
        }

        @Override
        public byte[] read(int maxBytes) throws IOException {
            if (!zip.canReadEntryData(entry)) {
                throw new IOException("the zip entry is encrypted or uses a compression method that cannot be read (method "
                        + entry.getMethod() + ")");
            }
            if (entry.getSize() > maxBytes) {
                throw new EntryTooLargeException(path, maxBytes);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return BoundedRead.readAll(in, path, maxBytes);
            }
        }
    }
}
