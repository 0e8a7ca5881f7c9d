package io.facesearch.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared test data folder ({@code ../shared} beside the project root, or the
 * {@code facesearch.shared} system property). Tests that need it skip with a message when it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, or a skipped test when it is not on this machine. */
    public static Path root() {
        Path found = find();
        assumeTrue(found != null, "../shared (test photos and reference outputs) is not present; skipping");
        return found;
    }

    public static Path faces() {
        return root().resolve("faces");
    }

    public static Path golden() {
        return root().resolve("golden");
    }

    /** A file under the shared folder that must exist when the folder does. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), relative + " is not in ../shared; skipping");
        return p;
    }

    /** The shared folder, or null when it is not on this machine (for benchmarks, outside JUnit). */
    public static Path locate() {
        return find();
    }

    private static Path find() {
        String configured = System.getProperty("facesearch.shared");
        if (configured != null) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? p : null;
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            // Surefire runs in the module folder, exec:java in the project root.
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("faces")) && Files.isDirectory(candidate.resolve("golden"))) {
                return candidate;
            }
        }
        return null;
    }
}
