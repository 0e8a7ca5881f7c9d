package io.facesearch.model.install;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads chosen model files out of an npm tarball, streaming through it: only the requested files
 * are kept in memory.
 */
final class WeightArchive {
    /** Where npm tarballs put the package root. */
    private static final String PACKAGE_ROOT = "package/";

    private WeightArchive() {
    }

    /** Names of the two files of one face-api network's weights: the tfjs manifest and the binary. */
    static Set<String> fileNames(String weightsName) {
        return Set.of(weightsName + "-weights_manifest.json", weightsName + ".bin");
    }

    /**
     * The requested files of one folder of the package, by file name.
     *
     * @param folder folder inside the package, e.g. {@code model/} (face-api) or {@code models/} (Human)
     * @throws IOException if the archive is unreadable or lacks one of them
     */
    static Map<String, byte[]> extract(Path tarball, String folder, Set<String> fileNames) throws IOException {
        String prefix = PACKAGE_ROOT + folder;
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(tarball))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isFile() && name.startsWith(prefix)) {
                    String fileName = name.substring(prefix.length());
                    if (fileNames.contains(fileName)) {
                        files.put(fileName, tar.readAllBytes());
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>(fileNames);
        missing.removeAll(files.keySet());
        if (!missing.isEmpty()) {
            throw new IOException("the package has no " + prefix + missing);
        }
        return files;
    }
}
