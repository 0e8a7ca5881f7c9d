package io.facesearch.indexer.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Packs a folder into the archives the indexer reads, entries in path order, names relative to the folder. */
public final class Archives {

    private Archives() {
    }

    public static Path zip(Path folder, Path zip) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Path f : files(folder)) {
                out.putArchiveEntry(new ZipArchiveEntry(f.toFile(), name(folder, f)));
                Files.copy(f, out);
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    public static Path tarGz(Path folder, Path tarGz) throws IOException {
        try (OutputStream file = Files.newOutputStream(tarGz);
                TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path f : files(folder)) {
                out.putArchiveEntry(new TarArchiveEntry(f.toFile(), name(folder, f)));
                Files.copy(f, out);
                out.closeArchiveEntry();
            }
        }
        return tarGz;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String name(Path folder, Path f) {
        return folder.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
    }
}
