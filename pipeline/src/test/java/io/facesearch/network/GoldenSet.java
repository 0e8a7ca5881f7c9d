package io.facesearch.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference outputs in {@code shared/golden/*.jsonl} (one image per line; format in
 * {@code shared/README.md}) with the images they were computed on.
 */
final class GoldenSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One face as the reference pipeline saw it. Crops are integer [x, y, w, h]. */
    record Face(float[] box, float score, float[] landmarks, float[] descriptor, float[] expression,
            int[] landmarkCrop, int[] expressionCrop, int[] descriptorCrop) {
    }

    record Image(Path file, int width, int height, List<Face> faces) {
        boolean isPng() {
            return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png");
        }
    }

    private GoldenSet() {
    }

    /**
     * The shared data folder: system property {@code facesearch.shared}, else {@code ../../shared}
     * from the module directory (the folder beside the project root). Skips the calling test when
     * it is absent.
     */
    static Path sharedRoot() {
        Path root = configuredRoot();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("golden")),
                "shared test data not found at " + root + " (set -Dfacesearch.shared=DIR); skipping golden parity tests");
        return root;
    }

    /** Whether the shared data is there (for setup that should not abort a whole class). */
    static boolean available() {
        return Files.isDirectory(configuredRoot().resolve("golden"));
    }

    private static Path configuredRoot() {
        String configured = System.getProperty("facesearch.shared");
        return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().resolve("../../shared").normalize();
    }

    /** Images of one golden file ({@code small}, {@code groups}, {@code negatives}, {@code lfw400}). */
    static List<Image> load(String set) {
        Path root = sharedRoot();
        Path imageDir = root.resolve("faces").resolve(set.equals("lfw400") ? "lfw" : set);
        List<Image> images = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root.resolve("golden").resolve(set + ".jsonl"))) {
                if (!line.isBlank()) {
                    images.add(parse(JSON.readTree(line), imageDir));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }

    private static Image parse(JsonNode n, Path imageDir) {
        List<Face> faces = new ArrayList<>();
        for (JsonNode f : n.get("faces")) {
            JsonNode crops = f.get("crops");
            JsonNode e = f.get("expression");
            float[] expression = {
                (float) e.get("neutral").asDouble(), (float) e.get("happy").asDouble(), (float) e.get("sad").asDouble(),
                (float) e.get("angry").asDouble(), (float) e.get("fearful").asDouble(),
                (float) e.get("disgusted").asDouble(), (float) e.get("surprised").asDouble()};
            float[] landmarks = new float[136];
            JsonNode points = f.get("landmarks68");
            for (int i = 0; i < 68; i++) {
                landmarks[2 * i] = (float) points.get(i).get(0).asDouble();
                landmarks[2 * i + 1] = (float) points.get(i).get(1).asDouble();
            }
            faces.add(new Face(floats(f.get("box")), (float) f.get("score").asDouble(), landmarks,
                    floats(f.get("descriptor")), expression,
                    ints(crops.get("landmarks")), ints(crops.get("expression")), ints(crops.get("descriptor"))));
        }
        return new Image(imageDir.resolve(n.get("file").asText()), n.get("width").asInt(), n.get("height").asInt(), faces);
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
