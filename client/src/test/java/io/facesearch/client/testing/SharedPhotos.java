package io.facesearch.client.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared labelled photos ({@code ../shared/faces} beside the project root, or under the
 * {@code facesearch.shared} system property), LFW among them, one folder per person. Tests that
 * need them skip with a message when they are absent; the same lookup as the models module's tests.
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

    /** The LFW folder, or a skipped test when it is not on this machine. */
    public static Path lfw() {
        Path found = locate();
        assumeTrue(found != null, "../shared/faces/lfw (labelled test photos) is not present; skipping");
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

    /** The LFW folder, or null (for benchmarks, outside JUnit). */
    public static Path locate() {
        Path faces = find();
        return faces == null || !Files.isDirectory(faces.resolve("lfw")) ? null : faces.resolve("lfw");
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

    /** The faces folder, or null. */
    private static Path find() {
        String configured = System.getProperty("facesearch.shared");
        if (configured != null) {
            Path p = Path.of(configured).resolve("faces");
            return Files.isDirectory(p) ? p : null;
        }
        // Surefire runs in the module folder, exec in the project root; walk up to the root's parent.
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
