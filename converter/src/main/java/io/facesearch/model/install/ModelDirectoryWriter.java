package io.facesearch.model.install;

import io.facesearch.model.ModelDirectory;
import io.facesearch.model.ModelSet;
import io.facesearch.model.PinnedPackage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes a model directory of one {@link ModelSet}: the graphs, each through a temporary file and a
 * rename, then the manifest whose layout {@link ModelDirectory} documents and checks.
 */
final class ModelDirectoryWriter {

    private ModelDirectoryWriter() {
    }

    /** Writes the graphs (by file name), then the manifest, last, so a half-written directory has none. */
    static void write(Path dir, Map<String, byte[]> graphs, ModelSet set) throws IOException {
        Files.createDirectories(dir);
        PinnedPackage source = set.source();
        Properties manifest = new Properties();
        manifest.setProperty("package", source.name());
        manifest.setProperty("packageVersion", source.version());
        manifest.setProperty("packageIntegrity", source.integrity());
        manifest.setProperty("converterVersion", Integer.toString(set.converterVersion()));
        for (String file : set.graphFiles()) {
            byte[] graph = graphs.get(file);
            if (graph == null) {
                throw new IllegalArgumentException("no graph for " + file);
            }
            writeAtomically(dir.resolve(file), graph);
            manifest.setProperty("sha256." + file, ModelDirectory.sha256(graph));
        }
        Path temp = Files.createTempFile(dir, set.manifestName(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            manifest.store(out, "FaceSearch face models converted from " + source.spec());
        }
        move(temp, dir.resolve(set.manifestName()));
        makeReadable(dir);
    }

    /**
     * Temporary files and directories are created owner-only; a model cache is not secret, and other
     * accounts (a service user, an operator copying it) must be able to read it.
     */
    private static void makeReadable(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, content);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Rename, atomic where the file system allows it (readers never see a half-written file). */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
