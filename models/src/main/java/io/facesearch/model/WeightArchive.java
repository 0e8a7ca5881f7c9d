package io.facesearch.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads the weight files of chosen networks out of a face-api npm tarball. */
final class WeightArchive {
    /** Where npm tarballs put the package root, and where face-api keeps its weights under it. */
    private static final String MODEL_FOLDER = "package/model/";

    private WeightArchive() {
    }

    /** Names of the two files of one network's weights: the tfjs manifest and the binary. */
    static Set<String> fileNames(String weightsName) {
        return Set.of(weightsName + "-weights_manifest.json", weightsName + ".bin");
    }

    /**
     * The requested files of {@code package/model/}, by file name.
     *
     * @throws IOException if the archive is unreadable or lacks one of them
     */
    static Map<String, byte[]> extract(byte[] tarball, Set<String> fileNames) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(tarball)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isFile() && name.startsWith(MODEL_FOLDER)) {
                    String fileName = name.substring(MODEL_FOLDER.length());
                    if (fileNames.contains(fileName)) {
                        files.put(fileName, tar.readAllBytes());
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>(fileNames);
        missing.removeAll(files.keySet());
        if (!missing.isEmpty()) {
            throw new IOException("the package has no " + MODEL_FOLDER + missing);
        }
        return files;
    }
}
