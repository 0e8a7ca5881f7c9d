package io.facesearch.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The checks on a directory of the converted graphs of one {@link ModelSet}: its {@code .onnx} files
 * ({@link ModelSet#graphFiles()}) and a manifest ({@link ModelSet#manifestName()}: {@value #MANIFEST}
 * for face-api, {@code human-models.properties} for Human's), a properties file the installer writes
 * last that says what the graphs are:
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
public final class ModelDirectory {
    /** The manifest of the face-api set, the name it has always had. */
    public static final String MANIFEST = "models.properties";

    private ModelDirectory() {
    }

    /**
     * What is wrong with a cache directory written by the installer, or empty when it holds the graphs
     * of the set's package and converter version, intact.
     */
    public static Optional<String> cacheProblem(Path dir, ModelSet set) throws IOException {
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
    public static Optional<String> preparedProblem(Path dir, ModelSet set) throws IOException {
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

    /** Lower-case hex SHA-256 of the bytes, as the manifest records it. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
