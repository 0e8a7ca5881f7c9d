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
 * A directory of converted models: the four {@code .onnx} graphs ({@link FaceNetwork#fileName()})
 * and {@value #MANIFEST}, a properties file written last that says what the graphs are:
 *
 * <pre>
 * package=@vladmandic/face-api          npm package the weights came from
 * packageVersion=1.7.15
 * packageIntegrity=sha512-...           integrity of that tarball
 * converterVersion=1                    FaceApiConverter.VERSION that wrote the graphs
 * sha256.face_detector.onnx=&lt;hex&gt;      one per graph
 * </pre>
 */
final class ModelDirectory {
    static final String MANIFEST = "models.properties";

    private ModelDirectory() {
    }

    /** Writes the graphs, each through a temporary file and a rename, then the manifest. */
    static void write(Path dir, Map<FaceNetwork, byte[]> graphs, PinnedPackage source, int converterVersion)
            throws IOException {
        Files.createDirectories(dir);
        Properties manifest = new Properties();
        manifest.setProperty("package", source.name());
        manifest.setProperty("packageVersion", source.version());
        manifest.setProperty("packageIntegrity", source.integrity());
        manifest.setProperty("converterVersion", Integer.toString(converterVersion));
        for (FaceNetwork network : FaceNetwork.values()) {
            byte[] graph = graphs.get(network);
            writeAtomically(dir.resolve(network.fileName()), graph);
            manifest.setProperty("sha256." + network.fileName(), sha256(graph));
        }
        Path temp = Files.createTempFile(dir, MANIFEST, ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            manifest.store(out, "FaceSearch face models converted from " + source.spec());
        }
        move(temp, dir.resolve(MANIFEST));
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
     * of this package and converter version, intact.
     */
    static Optional<String> cacheProblem(Path dir, PinnedPackage source, int converterVersion) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.of("no " + MANIFEST + " in " + dir);
        }
        Properties manifest = readManifest(manifestFile);
        if (!source.version().equals(manifest.getProperty("packageVersion"))
                || !Integer.toString(converterVersion).equals(manifest.getProperty("converterVersion"))) {
            return Optional.of(dir + " holds models of another package or converter version");
        }
        return checksumProblem(dir, manifest);
    }

    /**
     * What is wrong with a directory an operator prepared, or empty when all four graphs are there
     * (and match the checksums of its manifest, if it has one).
     */
    static Optional<String> preparedProblem(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " is not a directory");
        }
        for (FaceNetwork network : FaceNetwork.values()) {
            if (!Files.isRegularFile(dir.resolve(network.fileName()))) {
                return Optional.of(dir + " has no " + network.fileName());
            }
        }
        Path manifestFile = dir.resolve(MANIFEST);
        return Files.isRegularFile(manifestFile) ? checksumProblem(dir, readManifest(manifestFile)) : Optional.empty();
    }

    private static Optional<String> checksumProblem(Path dir, Properties manifest) throws IOException {
        for (FaceNetwork network : FaceNetwork.values()) {
            Path file = dir.resolve(network.fileName());
            String expected = manifest.getProperty("sha256." + network.fileName());
            if (!Files.isRegularFile(file)) {
                return Optional.of(dir + " has no " + network.fileName());
            }
            if (expected == null || !expected.equals(sha256(Files.readAllBytes(file)))) {
                return Optional.of(file + " does not match the checksum in " + MANIFEST);
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
