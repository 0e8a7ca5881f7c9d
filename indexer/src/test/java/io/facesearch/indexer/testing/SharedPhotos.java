package io.facesearch.indexer.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared LFW photos ({@code ../shared/faces/lfw} beside the project root, or under the
 * {@code facesearch.shared} system property), one folder per person. Tests that need them skip with
 * a message when they are absent; the same lookup as the other modules' tests.
 */
public final class SharedPhotos {

    private SharedPhotos() {
    }

    /** The LFW folder, or a skipped test when it is not on this machine. */
    public static Path lfw() {
        Path found = locate();
        assumeTrue(found != null, "../shared/faces/lfw (labelled test photos) is not present; skipping");
        return found;
    }

    /** The LFW folder, or null (for the benchmark, outside JUnit). */
    public static Path locate() {
        String configured = System.getProperty("facesearch.shared");
        if (configured != null) {
            Path p = Path.of(configured).resolve("faces").resolve("lfw");
            return Files.isDirectory(p) ? p : null;
        }
        // Surefire runs in the module folder, exec from the project root.
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("faces").resolve("lfw");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The first {@code count} photos of LFW, people in name order and each person's photos in
     * order, or every photo when {@code count} is 0.
     */
    public static List<Path> first(Path lfw, int count) throws IOException {
        List<Path> photos = new ArrayList<>();
        try (Stream<Path> people = Files.list(lfw)) {
            for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(person)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        if (count > 0 && photos.size() == count) {
                            return photos;
                        }
                        photos.add(f);
                    }
                }
            }
        }
        return photos;
    }

    /** Copies photos into {@code target/<person>/<photo>}, and returns {@code target}. */
    public static Path copy(List<Path> photos, Path target) throws IOException {
        for (Path p : photos) {
            Path to = target.resolve(p.getParent().getFileName().toString()).resolve(p.getFileName().toString());
            Files.createDirectories(to.getParent());
            Files.copy(p, to);
        }
        return target;
    }
}
