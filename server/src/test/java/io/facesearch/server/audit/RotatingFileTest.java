package io.facesearch.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileTest {
    @TempDir
    Path dir;

    @Test
    void rotatesBySizeKeepsWholeLinesAndPrunesTheOldest() throws Exception {
        Path audit = dir.resolve("audit");
        List<String> written = new ArrayList<>();
        try (RotatingFile file = new RotatingFile(audit, "audit", 100, 2, Clock.fixed(Instant.parse("2026-12-04T21:00:00Z"), ZoneOffset.UTC))) {
            for (int i = 0; i < 10; i++) {
                String line = String.format("{\"n\":%02d,\"pad\":\"%s\"}%n", i, "x".repeat(20));
                written.add(line.strip());
                file.append(line.getBytes(StandardCharsets.UTF_8));
            }
            List<Path> rotated = file.rotatedFiles();
            assertEquals(2, rotated.size(), rotated.toString());
            List<String> kept = new ArrayList<>();
            for (Path p : rotated) {
                assertTrue(Files.size(p) <= 100, p + " is " + Files.size(p) + " bytes");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                kept.addAll(Files.readAllLines(p));
            }
            kept.addAll(Files.readAllLines(file.current()));
            assertEquals(written.subList(written.size() - kept.size(), written.size()), kept, "the newest lines, whole and in order");
            assertTrue(kept.size() >= 6, kept.toString());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit.resolve("audit.jsonl"))));
    }

    @Test
    void reopeningAppends() throws Exception {
        Clock clock = Clock.systemUTC();
        try (RotatingFile file = new RotatingFile(dir, "audit", 1 << 20, 0, clock)) {
            file.append("one\n".getBytes(StandardCharsets.UTF_8));
        }
        try (RotatingFile file = new RotatingFile(dir, "audit", 1 << 20, 0, clock)) {
            file.append("two\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of("one", "two"), Files.readAllLines(file.current()));
        }
    }
}
