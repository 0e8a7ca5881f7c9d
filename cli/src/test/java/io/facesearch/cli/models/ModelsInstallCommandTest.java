package io.facesearch.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.cli.testing.Cli;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.ModelSet;
import io.facesearch.model.PreparedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models install DIR} leaves a directory the pipeline reads as a prepared one. */
class ModelsInstallCommandTest {

    @Test
    void copiesThePreparedModelsIntoTheDirectoryGiven(@TempDir Path temp) {
        Path target = temp.resolve("offline-models");

        Cli.Run run = Cli.run("models", "install", target.toString());

        assertEquals(0, run.status(), run.toString());
        for (FaceNetwork network : FaceNetwork.values()) {
            assertTrue(Files.isRegularFile(target.resolve(network.fileName())), network.fileName());
        }
        // Checked as FACESEARCH_MODEL_DIR would be: every graph there, matching its manifest.
        assertTrue(PreparedModels.in(target).problem(ModelSet.FACE_API).isEmpty(),
                () -> PreparedModels.in(target).problem(ModelSet.FACE_API).orElseThrow());
    }

    @Test
    void isListedUnderModels() {
        Cli.Run run = Cli.run("models", "--help");

        assertEquals(0, run.status());
        assertTrue(run.out().contains("install"), run.out());
    }
}
