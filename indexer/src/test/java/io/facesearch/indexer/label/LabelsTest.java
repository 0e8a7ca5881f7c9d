package io.facesearch.indexer.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

    @TempDir
    Path temp;

    @Test
    void folderNamesTheSubject() {
        FolderLabels labels = new FolderLabels();
        assertEquals(new Label.Subject("alice", Map.of()), labels.labelOf("alice/1.jpg"));
        assertEquals(new Label.Subject("alice", Map.of()), labels.labelOf("lfw/alice/2.JPEG"), "a wrapping top folder does no harm");
        assertInstanceOf(Label.Unusable.class, labels.labelOf("loose.png"));
        assertEquals("NO_SUBJECT_FOLDER", ((Label.Unusable) labels.labelOf("loose.png")).reason());
    }

    @Test
    void onlyPhotoNamesAreIndexedWithoutAManifest() {
        for (Labels labels : List.of(new FolderLabels(), new NoLabels())) {
            for (String ignored : List.of("a/notes.txt", "a/.hidden.jpg", ".git/a/b.jpg", "__MACOSX/a/._b.jpg", "a/noextension", "a/.jpg")) {
                assertNull(labels.labelOf(ignored), ignored);
            }
            for (String photo : List.of("a/b.jpg", "a/b.jpeg", "a/b.PNG", "a/b.bmp", "a/b.webp")) {
                assertTrue(labels.accepts(photo), photo);
            }
        }
        assertInstanceOf(Label.Unlabeled.class, new NoLabels().labelOf("a/b.jpg"));
    }

    @Test
    void manifestListsSubjectsAndMetadata() throws IOException {
        Path csv = Files.writeString(temp.resolve("m.csv"), String.join("\n",
                "path,subject,source,note",
                "alice/1.jpg,alice,\"box 1, shelf 2\",\"said \"\"hi\"\"\"",
                "./bob/2.tif,bob,,",
                "group.jpg,,party,\"two",
                "lines\"",
                ""));
        ManifestLabels labels = ManifestLabels.load(csv);
        assertEquals(List.of("source", "note"), labels.metadataKeys());
        assertEquals(3, labels.listed());
        assertEquals(new Label.Subject("alice", Map.of("source", "box 1, shelf 2", "note", "said \"hi\"")), labels.labelOf("alice/1.jpg"));
        assertEquals(new Label.Subject("bob", Map.of()), labels.labelOf("bob/2.tif"), "any extension, when listed");
        assertNull(labels.labelOf("carol/3.jpg"));
        assertEquals(List.of("group.jpg"), labels.unseen());
        assertEquals(new Label.Unlabeled(Map.of("source", "party", "note", "two\nlines")), labels.labelOf("group.jpg"));
        assertEquals(List.of(), labels.unseen());
    }

    @Test
    void malformedManifestsSayWhere() throws IOException {
        assertRefused("path,subject\na.jpg,x,extra\n", "line 2: 3 fields, but the header names 2");
        assertRefused("path\n", "the header needs at least two columns");
        assertRefused("path,subject,,\n", "metadata column 3 needs a name");
        assertRefused("path,subject,a,a\n", "column 'a' is named twice");
        assertRefused("path,subject\n,x\n", "line 2: the path is empty");
        assertRefused("", "is empty");
        assertRefused("path,subject,k\na.jpg,x," + "v".repeat(1025) + "\n", "longer than 1024 bytes");
    }

    private void assertRefused(String csv, String message) throws IOException {
        Path file = Files.writeString(temp.resolve("bad.csv"), csv);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestLabels.load(file));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
