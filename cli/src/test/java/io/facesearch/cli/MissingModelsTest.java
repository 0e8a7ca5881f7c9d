package io.facesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.cli.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that needs the models, on a machine where none are prepared, says which command
 * prepares them: a message, no stack trace. In a JVM of its own, since a JVM remembers where it
 * found the models.
 */
class MissingModelsTest {

    @Test
    void verifyNamesTheCommandThatPreparesTheModels(@TempDir Path temp) throws Exception {
        Path photo = Files.write(temp.resolve("a.jpg"), new byte[] {1, 2, 3});
        ChildJvm child = ChildJvm.start(temp.resolve("logs"), "verify",
                Map.of("facesearch.models.cache", temp.resolve("empty-cache").toString()),
                "verify", photo.toString(), photo.toString());

        assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "verify did not end");
        String output = child.output();
        assertEquals(ExitStatus.REFUSED, child.process().exitValue(), output);
        assertTrue(output.contains("facesearch models install"), output);
        assertFalse(output.contains("\tat "), "a message, not a stack trace:\n" + output);
    }
}
