package io.facesearch.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.compare.FalseAcceptRates;
import io.facesearch.image.DecodedImage;
import io.facesearch.image.ImageDecoder;
import io.facesearch.testdata.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The local commands, run as a user would, on real photos with the real models. */
class CommandLineTest {

    /** What a command printed and returned. */
    record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(FaceJson.MAPPER.readTree(line));
                }
            }
            return nodes;
        }
    }

    private static synchronized Run run(Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String lfw(String name, int n) {
        return SharedData.faces().resolve("lfw").resolve(name).resolve(String.format("%s_%04d.jpg", name, n)).toString();
    }

    @Test
    void detectWalksFoldersAndReportsBadFilesWithoutStopping(@TempDir Path dir) throws Exception {
        Path photos = dir.resolve("photos");
        Files.createDirectories(photos.resolve("nested"));
        Files.copy(Path.of(lfw("Colin_Powell", 1)), photos.resolve("nested/colin.jpg"));
        Files.writeString(photos.resolve("notes.jpg"), "not a photo");
        Run r = run(new DetectCommand(), "--json", photos.toString());
        assertEquals(1, r.exit(), "a bad file makes the exit status 1: " + r.err());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(2, lines.size());
        JsonNode good = lines.get(0);
        assertEquals(photos.resolve("nested/colin.jpg").toString(), good.get("file").asText());
        assertEquals(250, good.get("width").asInt());
        JsonNode face = good.get("faces").get(0);
        assertTrue(face.get("box").get("w").asDouble() > 50);
        assertTrue(face.get("score").asDouble() > 0.5);
        assertEquals(68, face.get("landmarks").size());
        assertEquals(7, face.get("expression").size());
        assertTrue(lines.get(1).get("error").asText().contains("not an image"), lines.get(1).toString());
        assertTrue(r.err().contains("notes.jpg"));
    }

    @Test
    void embedPrintsA128DimensionalEmbeddingPerFace() throws Exception {
        Run r = run(new EmbedCommand(), "--json", lfw("George_W_Bush", 1));
        assertEquals(0, r.exit(), r.err());
        JsonNode face = r.jsonLines().get(0).get("faces").get(0);
        assertEquals(128, face.get("embedding").size());
    }

    @Test
    void verifyTellsSamePersonFromDifferentPeople() throws Exception {
        Run same = run(new VerifyCommand(), "--json", lfw("George_W_Bush", 1), lfw("George_W_Bush", 2));
        assertEquals(0, same.exit(), same.err());
        JsonNode s = same.jsonLines().get(0);
        assertTrue(s.get("match").asBoolean());
        assertTrue(s.get("similarity").asDouble() > 50);
        assertEquals("euclidean", s.get("metric").asText());
        assertTrue(s.get("distance").asDouble() < s.get("threshold").asDouble());

        Run other = run(new VerifyCommand(), "--json", lfw("George_W_Bush", 1), lfw("Colin_Powell", 1));
        JsonNode d = other.jsonLines().get(0);
        assertTrue(!d.get("match").asBoolean());
        assertTrue(d.get("similarity").asDouble() < 50);
    }

    @Test
    void verifyReportsTheFalseAcceptRateOfItsThreshold() throws Exception {
        Run json = run(new VerifyCommand(), "--json", lfw("George_W_Bush", 1), lfw("Colin_Powell", 1));
        JsonNode j = json.jsonLines().get(0);
        assertEquals(FalseAcceptRates.DEFAULT_EUCLIDEAN.at(0.6).rate(), j.get("false_accept_rate").asDouble(), 1e-12, j.toString());
        assertFalse(j.get("false_accept_rate_at_most").asBoolean());
        for (String field : new String[] {"distance", "similarity", "match", "threshold", "metric"}) {
            assertTrue(j.has(field), "keeps " + field + ": " + j);
        }

        Run text = run(new VerifyCommand(), "--threshold", "0.5", lfw("George_W_Bush", 1), lfw("George_W_Bush", 2));
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().strip().endsWith("threshold 0.5000, false-accept rate 0.0480%"), text.out());

        Run strict = run(new VerifyCommand(), "--threshold", "0.3", lfw("George_W_Bush", 1), lfw("George_W_Bush", 2));
        assertTrue(strict.out().contains(", false-accept rate at most 0.000992%"), strict.out());

        Run cosine = run(new VerifyCommand(), "--json", "--metric", "cosine", lfw("George_W_Bush", 1), lfw("George_W_Bush", 2));
        assertTrue(cosine.jsonLines().get(0).get("false_accept_rate").isNull(), "not measured for cosine: " + cosine.out());
        Run other = run(new VerifyCommand(), "--align", "faceapi", lfw("George_W_Bush", 1), lfw("George_W_Bush", 2));
        assertFalse(other.out().contains("false-accept"), "not measured for another model: " + other.out());
    }

    @Test
    void verifyExitsWithStatus3WhenAPhotoHasNoFace() throws Exception {
        Path negatives = SharedData.faces().resolve("negatives");
        Path noFace;
        try (var files = Files.list(negatives)) {
            noFace = files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        Run r = run(new VerifyCommand(), lfw("George_W_Bush", 1), noFace.toString());
        // A negative may still hold something face-like; the contract is exit 0 with a result, or 3 with a message.
        if (r.exit() != 0) {
            assertEquals(3, r.exit());
            assertTrue(r.err().contains("no face"), r.err());
        }
        Run missing = run(new VerifyCommand(), lfw("George_W_Bush", 1), "/nonexistent/photo.jpg");
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("cannot read file"), missing.err());
    }

    @Test
    void compareDrawsBothPhotosWithBoxesColouredByMatch(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("compare.png");
        Run r = run(new CompareCommand(), lfw("George_W_Bush", 1), lfw("George_W_Bush", 2), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        DecodedImage picture = new ImageDecoder().decode(Files.readAllBytes(out));
        assertEquals(500, picture.width(), "two 250 px photos side by side");
        assertEquals(250, picture.height());
        assertTrue(r.out().contains("similarity"), r.out());
        // The same person scores well above 50 %: the box is drawn in a green-dominant colour.
        int greenish = 0;
        var px = picture.pixels();
        for (int y = 0; y < px.height(); y++) {
            for (int x = 0; x < px.width(); x++) {
                if (px.sample(x, y, 1) > 200 && px.sample(x, y, 0) < 120 && px.sample(x, y, 2) < 80) {
                    greenish++;
                }
            }
        }
        assertTrue(greenish > 200, "expected a green box, found " + greenish + " green pixels");
    }

    @Test
    void evalLfwReportsAccuracyOnAPairsFile(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.file("faces/meta/pairsDevTrain.txt"));
        List<String> subset = new ArrayList<>();
        subset.add("20");
        subset.addAll(lines.subList(1, 11));
        subset.addAll(lines.subList(1101, 1111));
        Path pairs = dir.resolve("pairs.txt");
        Files.write(pairs, subset);
        Run r = run(new EvalLfwCommand(), "--pairs", pairs.toString(), "--images",
                SharedData.faces().resolve("lfw").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = r.jsonLines().get(0);
        assertEquals(20, report.get("pairs").asInt());
        assertEquals(0, report.get("unscorable").asInt());
        assertTrue(report.get("accuracy").asDouble() >= 0.9, report.toString());
        assertTrue(report.get("roc").size() > 0);
    }

    @Test
    void evalLfwSaysWhichPairsFileItCannotRead(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-pairs.txt");
        Run r = run(new EvalLfwCommand(), "--pairs", missing.toString(), "--images", dir.toString());
        assertEquals(ExitStatus.USAGE, r.exit());
        assertTrue(r.err().contains("cannot read the pairs file " + missing), r.err());
        assertTrue(!r.err().contains("\tat "), "a message, not a stack trace: " + r.err());
    }
}
