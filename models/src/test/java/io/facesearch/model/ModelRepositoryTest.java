package io.facesearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        ModelRepository repository = new ModelRepository(PinnedPackage.FACE_API, temp.resolve("cache"), null, UNREACHABLE);
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
        Path dir = new ModelRepository(PinnedPackage.FACE_API, temp, null, UNREACHABLE).cacheDirectory();
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
        ModelRepository repository = new ModelRepository(PinnedPackage.FACE_API, temp, null, UNREACHABLE);
        Path dir = repository.cacheDirectory();
        java.util.Map<FaceNetwork, byte[]> graphs = new java.util.EnumMap<>(FaceNetwork.class);
        for (FaceNetwork network : FaceNetwork.values()) {
            graphs.put(network, network.name().getBytes(StandardCharsets.UTF_8));
        }
        ModelDirectory.write(dir, graphs, PinnedPackage.FACE_API, io.facesearch.model.convert.FaceApiConverter.VERSION);
        assertEquals(dir, repository.files().directory());

        Files.writeString(dir.resolve(FaceNetwork.LANDMARKS.fileName()), "truncated");
        // The corrupt cache is rebuilt, which needs the (here unreachable) registry.
        assertThrows(ModelUnavailableException.class, repository::files);
    }

    @Test
    void integrityIsCheckedAgainstThePin() {
        assertFalse(PinnedPackage.FACE_API.matches("not the tarball".getBytes(StandardCharsets.UTF_8)));
        assertEquals("face-api-1.7.15.tgz", PinnedPackage.FACE_API.tarballName());
        assertEquals("@vladmandic/face-api@1.7.15", PinnedPackage.FACE_API.spec());
    }
}
