package io.facesearch.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.facesearch.cli.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first run, as a user types it in one folder with nothing configured:
 * {@code facesearch serve}, then {@code facesearch collections create x} from the same folder.
 * Each command runs in a JVM of its own with that folder as its working directory.
 */
class FirstRunTest {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    @Test
    void serveThenCollectionsCreateWorkWithNothingToConfigure(@TempDir Path folder) throws Exception {
        Path logs = folder.resolve("logs");
        ChildJvm server = ChildJvm.startIn(folder, logs, "serve", "serve", "--no-pipeline", "--host", "127.0.0.1", "--port", "0",
                "--metrics-port", "-1");
        try {
            String target = "127.0.0.1:" + awaitPort(server);
            Path key = folder.resolve("data").resolve("admin.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertTrue(server.output().contains("bootstrap admin key"), server.output());
            assertTrue(!server.output().contains(Files.readString(key).strip()), "the secret is never logged");

            ChildJvm create = ChildJvm.startIn(folder, logs, "create", "collections", "create", "x", "--model-id", "m@1", "--server", target);
            assertTrue(create.process().waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, create.process().exitValue(), create.output());
            assertTrue(create.stdout().startsWith("created collection x"), create.output());

            ChildJvm keys = ChildJvm.startIn(folder, logs, "keys", "keys", "list", "--server", target);
            assertTrue(keys.process().waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, keys.process().exitValue(), keys.output());
            assertTrue(keys.stdout().lines().skip(1).findFirst().orElse("").contains("bootstrap"), keys.output());
        } finally {
            server.kill();
        }
    }

    private static int awaitPort(ChildJvm server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(server.stdout());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!server.process().isAlive()) {
                fail("the server ended:\n" + server.output());
            }
            Thread.sleep(100);
        }
        fail("the server did not start:\n" + server.output());
        return -1;
    }
}
