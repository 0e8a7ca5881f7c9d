package io.facesearch.client.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared labelled photos ({@code ../shared/faces} beside the project root, or under the
 * {@code facesearch.shared} system property). Tests that need them skip with a message when they
 * are absent; the same lookup as the models module's tests.
 */
public final class SharedPhotos {

    private SharedPhotos() {
    }

    /** The faces folder, or a skipped test when it is not on this machine. */
    public static Path faces() {
        Path found = find();
        assumeTrue(found != null, "../shared/faces (labelled test photos) is not present; skipping");
        return found;
    }

    /** Photo {@code n} (from 1) of a person of LFW, e.g. {@code lfw("George_W_Bush", 1)}. */
    public static Path lfw(String person, int n) {
        Path p = faces().resolve("lfw").resolve(person).resolve("%s_%04d.jpg".formatted(person, n));
        assumeTrue(Files.isRegularFile(p), p + " is not in ../shared; skipping");
        return p;
    }

    /** A file under the faces folder, e.g. {@code file("negatives/skimage_brick.png")}. */
    public static Path file(String relative) {
        Path p = faces().resolve(relative);
        assumeTrue(Files.exists(p), relative + " is not in ../shared/faces; skipping");
        return p;
    }

    private static Path find() {
        String configured = System.getProperty("facesearch.shared");
        if (configured != null) {
            Path p = Path.of(configured).resolve("faces");
            return Files.isDirectory(p) ? p : null;
        }
        // Surefire runs in the module folder; walk up to the project root's parent.
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("faces");
            if (Files.isDirectory(candidate.resolve("lfw"))) {
                return candidate;
            }
        }
        return null;
    }
}
