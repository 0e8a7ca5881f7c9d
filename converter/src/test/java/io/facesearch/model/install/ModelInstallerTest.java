package io.facesearch.model.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.model.ModelDirectory;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.ModelSet;
import io.facesearch.model.PreparedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code facesearch models install DIR}: a directory an offline machine can be pointed at. */
class ModelInstallerTest {
    @TempDir
    Path temp;

    /** The build installed the models into the cache (process-classes); this only copies them. */
    @Test
    void installIntoADirectoryGivesAPreparedDirectory() throws IOException {
        Path target = temp.resolve("models");
        List<Path> installed = ModelInstaller.install(target);
        assertEquals(target.toAbsolutePath(), installed.get(0));

        ModelFiles files = PreparedModels.in(target).files();
        assertEquals(target, files.directory());
        assertTrue(Files.isRegularFile(target.resolve(ModelSet.FACE_API.manifestName())));
        assertTrue(ModelDirectory.preparedProblem(target, ModelSet.FACE_API).isEmpty());
    }
}
