package io.facesearch.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.indexer.testing.Archives;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourcesTest {

    @TempDir
    Path temp;

    private Path folder;

    @BeforeEach
    void makeFolder() throws IOException {
        folder = temp.resolve("in");
        write("b/2.jpg", "two");
        write("a/1.jpg", "one");
        write("a/sub/3.png", "three");
        write("notes.txt", "text");
        Files.createDirectories(folder.resolve("empty"));
    }

    @Test
    void folderZipAndTarGiveTheSameEntries() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a/1.jpg", "one");
        expected.put("a/sub/3.png", "three");
        expected.put("b/2.jpg", "two");
        expected.put("notes.txt", "text");
        Path zip = Archives.zip(folder, temp.resolve("in.zip"));
        Path tgz = Archives.tarGz(folder, temp.resolve("in.tar.gz"));
        for (Path input : List.of(folder, zip, tgz)) {
            try (ImageSource source = ImageSources.open(input)) {
                assertEquals(expected, contents(source), input.toString());
                assertEquals(3, source.count(p -> !p.endsWith(".txt")), input.toString());
            }
        }
    }

    @Test
    void plainTarAndTgzAreRead() throws Exception {
        Path tar = temp.resolve("in.tar");
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            byte[] bytes = "one".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("./a/1.jpg");
            e.setSize(bytes.length);
            out.putArchiveEntry(e);
            out.write(bytes);
            out.closeArchiveEntry();
        }
        try (ImageSource source = ImageSources.open(tar)) {
            assertEquals(Map.of("a/1.jpg", "one"), contents(source), "a leading ./ is not part of the path");
        }
        Path tgz = Files.copy(Archives.tarGz(folder, temp.resolve("x.tar.gz")), temp.resolve("x.tgz"));
        try (ImageSource source = ImageSources.open(tgz)) {
            assertEquals(4, contents(source).size());
        }
    }

    @Test
    void entryAboveTheLimitIsRefusedUnread() throws Exception {
        try (ImageSource source = ImageSources.open(Archives.zip(folder, temp.resolve("in.zip")))) {
            List<IOException> errors = new ArrayList<>();
            source.forEach(e -> {
                try {
                    e.read(4);
                } catch (IOException x) {
                    errors.add(x);
                }
                return true;
            });
            assertEquals(1, errors.size(), "only 'three' is above 4 bytes");
            assertTrue(errors.getFirst() instanceof SourceEntry.EntryTooLargeException);
        }
    }

    @Test
    void damagedTarGzFailsAfterTheEntriesBeforeTheDamage() throws Exception {
        Path tgz = Archives.tarGz(folder, temp.resolve("in.tar.gz"));
        byte[] whole = Files.readAllBytes(tgz);
        Path cut = Files.write(temp.resolve("cut.tar.gz"), java.util.Arrays.copyOf(whole, whole.length - 20));
        try (ImageSource source = ImageSources.open(cut)) {
            List<String> seen = new ArrayList<>();
            assertThrows(IOException.class, () -> source.forEach(e -> {
                try {
                    e.read(1000);
                    seen.add(e.path());
                } catch (IOException x) {
                    seen.add(e.path() + " (unreadable)");
                }
                return true;
            }));
            assertTrue(!seen.isEmpty(), "entries before the damage were visited");
        }
    }

    @Test
    void unreadableFolderIsAnEntryThatSaysSo() throws Exception {
        Path locked = folder.resolve("locked");
        Files.createDirectories(locked);
        Files.writeString(locked.resolve("x.jpg"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try (ImageSource source = ImageSources.open(folder)) {
            if (Files.isReadable(locked)) {
                return; // running as root: permissions do not hold anyone back
            }
            List<String> failed = new ArrayList<>();
            source.forEach(e -> {
                if (e.failure() != null) {
                    failed.add(e.path());
                }
                return true;
            });
            assertEquals(List.of("locked"), failed);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void unknownKindsAreRefused() throws IOException {
        Path rar = Files.writeString(temp.resolve("x.rar"), "x");
        assertThrows(IllegalArgumentException.class, () -> ImageSources.open(rar));
        assertThrows(IOException.class, () -> ImageSources.open(temp.resolve("absent.zip")));
    }

    @Test
    void pathsAreNormalized() {
        assertEquals("a/b.jpg", ImageSource.normalize("./a/b.jpg"));
        assertEquals("a/b.jpg", ImageSource.normalize("/a/b.jpg"));
        assertEquals("a/b.jpg", ImageSource.normalize("a\\b.jpg"));
    }

    private void write(String path, String content) throws IOException {
        Path p = folder.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static Map<String, String> contents(ImageSource source) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        source.forEach(e -> {
            try {
                m.put(e.path(), new String(e.read(1 << 20), StandardCharsets.UTF_8));
            } catch (IOException x) {
                throw new IllegalStateException(x);
            }
            return true;
        });
        return m;
    }

    @Test
    void visitorCanStop() throws Exception {
        try (ImageSource source = ImageSources.open(folder)) {
            List<String> seen = new ArrayList<>();
            source.forEach(e -> {
                seen.add(e.path());
                return seen.size() < 2;
            });
            assertEquals(2, seen.size());
        }
    }
}
