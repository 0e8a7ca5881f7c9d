package io.facesearch.indexer.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.indexer.identity.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Map<String, String> JOB = Map.of("input", "/data/photos.zip", "collection", "staff");

    @TempDir
    Path temp;

    @Test
    void recordsSurviveReopening() throws IOException {
        Path file = temp.resolve("j.journal");
        List<JournalEntry> written = List.of(
                new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("a"), 2, "alice/1.jpg"),
                new JournalEntry(JournalEntry.Outcome.NO_FACE, hash("b"), 0, "odd name\\with\nbreak\r.jpg"),
                new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("c"), 1, "ünïcödé/фото.jpg"));
        try (Journal j = Journal.open(file, JOB)) {
            assertEquals(Set.of(), j.done());
            written.forEach(j::append);
        }
        try (Journal j = Journal.open(file, JOB)) {
            assertEquals(Set.of(hash("a"), hash("b"), hash("c")), j.done());
            assertEquals(3, j.previous().records());
            j.append(new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("d"), 1, "d.jpg"));
        }
        List<JournalEntry> read = new ArrayList<>();
        JournalReader.Scan scan = JournalReader.read(file, read::add);
        assertEquals(4, read.size());
        assertEquals(written, read.subList(0, 3));
        assertEquals(JOB, scan.identity());
        assertEquals(0, scan.damaged());
    }

    @Test
    void lineCutShortByACrashIsDroppedAndCutOff() throws IOException {
        Path file = temp.resolve("j.journal");
        try (Journal j = Journal.open(file, JOB)) {
            j.append(new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("a"), 1, "a.jpg"));
        }
        String torn = JournalFormat.encode(new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("b"), 1, "b.jpg"));
        Files.writeString(file, torn.substring(0, 30), StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file, JOB)) {
            assertEquals(Set.of(hash("a")), j.done(), "the torn record does not count");
            j.append(new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("c"), 1, "c.jpg"));
        }
        List<JournalEntry> read = new ArrayList<>();
        JournalReader.Scan scan = JournalReader.read(file, read::add);
        assertEquals(List.of("a.jpg", "c.jpg"), read.stream().map(JournalEntry::path).toList());
        assertEquals(0, scan.damaged(), "the torn tail was cut off, not glued to the next record");
    }

    @Test
    void damagedRecordIsSkipped() throws IOException {
        Path file = temp.resolve("j.journal");
        try (Journal j = Journal.open(file, JOB)) {
            j.append(new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("a"), 1, "a.jpg"));
            j.append(new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("b"), 1, "b.jpg"));
        }
        String text = Files.readString(file).replace(" 1 b.jpg", " 7 b.jpg"); // a flipped digit: the CRC no longer matches
        Files.writeString(file, text);
        List<JournalEntry> read = new ArrayList<>();
        JournalReader.Scan scan = JournalReader.read(file, read::add);
        assertEquals(List.of("a.jpg"), read.stream().map(JournalEntry::path).toList());
        assertEquals(1, scan.damaged());
    }

    @Test
    void formatIsTheDocumentedOne() {
        String line = JournalFormat.encode(new JournalEntry(JournalEntry.Outcome.ENROLLED, hash("a"), 3, "x/y z.jpg"));
        String[] f = line.split(" ", 5);
        assertTrue(f[0].matches("[0-9a-f]{8}"), line);
        assertEquals("E", f[1]);
        assertEquals(hash("a").hex(), f[2]);
        assertEquals("3", f[3]);
        assertEquals("x/y z.jpg\n", f[4]);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(line.substring(9, line.length() - 1).getBytes(StandardCharsets.UTF_8));
        assertEquals("%08x".formatted(crc.getValue()), f[0]);
    }

    @Test
    void anotherJobsJournalIsRefused() throws IOException {
        Path file = temp.resolve("j.journal");
        Journal.open(file, JOB).close();
        IOException e = assertThrows(IOException.class, () -> Journal.open(file, Map.of("input", "/else", "collection", "staff")));
        assertTrue(e.getMessage().contains("journal of another job"), e.getMessage());
    }

    @Test
    void fileThatIsNotAJournalIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "shopping list\n");
        IOException e = assertThrows(IOException.class, () -> Journal.open(file, JOB));
        assertTrue(e.getMessage().contains("is not a FaceSearch index journal"), e.getMessage());
    }

    @Test
    void eachJobHasItsOwnFile() {
        Path a = Journal.fileFor(temp, "photos.zip", "staff", JOB);
        assertEquals(a, Journal.fileFor(temp, "photos.zip", "staff", Map.of("collection", "staff", "input", "/data/photos.zip")),
                "the same job, whatever the order of its identity");
        assertTrue(a.getFileName().toString().matches("photos\\.zip\\.staff\\.[0-9a-f]{12}\\.journal"), a.toString());
        assertTrue(!a.equals(Journal.fileFor(temp, "photos.zip", "staff", Map.of("input", "/data/photos.zip", "collection", "staff",
                "labels", "none"))));
    }

    private static ContentHash hash(String content) {
        return ContentHash.of(content.getBytes(StandardCharsets.UTF_8));
    }
}
