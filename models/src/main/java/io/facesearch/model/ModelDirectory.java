package io.facesearch.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A directory of the converted graphs of one {@link ModelSet}: its {@code .onnx} files
 * ({@link ModelSet#graphFiles()}) and a manifest ({@link ModelSet#manifestName()}: {@value #MANIFEST}
 * for face-api, {@code human-models.properties} for Human's), a properties file written last that
 * says what the graphs are:
 *
 * <pre>
 * package=@vladmandic/face-api          npm package the weights came from
 * packageVersion=1.7.15
 * packageIntegrity=sha512-...           integrity of that tarball
 * converterVersion=1                    version of the converter that wrote the graphs
 * sha256.face_detector.onnx=&lt;hex&gt;      one per graph
 * </pre>
 *
 * <p>The manifests have distinct names so that the graphs of several sets can share one prepared
 * directory.
 */
final class ModelDirectory {
    /** The manifest of the face-api set, the name it has always had. */
    static final String MANIFEST = "models.properties";

    private ModelDirectory() {
    }

    /** Writes the graphs (by file name), each through a temporary file and a rename, then the manifest. */
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
            manifest.setProperty("sha256." + file, sha256(graph));
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

    /**
     * What is wrong with a cache directory written by {@link #write}, or empty when it holds the graphs
     * of the set's package and converter version, intact.
     */
    static Optional<String> cacheProblem(Path dir, ModelSet set) throws IOException {
        Path manifestFile = dir.resolve(set.manifestName());
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.of("no " + set.manifestName() + " in " + dir);
        }
        Properties manifest = readManifest(manifestFile);
        if (!set.source().version().equals(manifest.getProperty("packageVersion"))
                || !Integer.toString(set.converterVersion()).equals(manifest.getProperty("converterVersion"))) {
            return Optional.of(dir + " holds models of another package or converter version");
        }
        return checksumProblem(dir, set, manifest);
    }

    /**
     * What is wrong with a directory an operator prepared, or empty when all graphs of the set are
     * there (and match the checksums of the set's manifest, if the directory has one).
     */
    static Optional<String> preparedProblem(Path dir, ModelSet set) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " is not a directory");
        }
        for (String file : set.graphFiles()) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                return Optional.of(dir + " has no " + file);
            }
        }
        Path manifestFile = dir.resolve(set.manifestName());
        return Files.isRegularFile(manifestFile)
                ? checksumProblem(dir, set, readManifest(manifestFile))
                : Optional.empty();
    }

    private static Optional<String> checksumProblem(Path dir, ModelSet set, Properties manifest) throws IOException {
        for (String name : set.graphFiles()) {
            Path file = dir.resolve(name);
            String expected = manifest.getProperty("sha256." + name);
            if (!Files.isRegularFile(file)) {
                return Optional.of(dir + " has no " + name);
            }
            if (expected == null || !expected.equals(sha256(Files.readAllBytes(file)))) {
                return Optional.of(file + " does not match the checksum in " + set.manifestName());
            }
        }
        return Optional.empty();
    }

    private static Properties readManifest(Path file) throws IOException {
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            manifest.load(in);
        }
        return manifest;
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

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
