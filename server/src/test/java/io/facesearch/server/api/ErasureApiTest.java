package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.CompactCollectionRequest;
import io.facesearch.api.v1.CompactCollectionResponse;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Physical erasure: after a delete and CompactCollection, no file of the data directory (RocksDB
 * SSTs and write-ahead logs, Lucene segments) holds the deleted embedding's bytes, in either byte
 * order. Before the delete they are there, which shows the scan would find them.
 */
class ErasureApiTest extends ServerTestBase {

    @Test
    void compactionErasesADeletedFaceFromDisk() throws IOException, InterruptedException {
        createCollection("c");
        enrollAll("c", 20, 3);
        float[] secret = FACES.sample(900, 0);
        String faceId = enrollment.enroll(EnrollRequest.newBuilder().setCollection("c").setSubjectId("to-erase")
                .setEmbedding(embedding(secret)).setRequestId("erase-me").build()).getFaces(0).getFaceId();
        awaitTopMatch("c", secret, "to-erase");
        // Written to the database's log at once, and to the index's segment files by a commit.
        compact(0);
        assertTrue(onDisk(secret), "the scan finds the embedding before the delete");

        assertEquals(1, faces.deleteSubject(DeleteSubjectRequest.newBuilder().setCollection("c").setSubjectId("to-erase").build())
                .getDeletedFaces());
        CompactCollectionResponse compacted = collections.compactCollection(CompactCollectionRequest.newBuilder().setName("c").build());
        assertTrue(compacted.getIndexSegments() >= 1);
        assertTrue(compacted.getTookMs() >= 0);

        // RocksDB deletes obsolete write-ahead-log files in the background, just after the flush.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (onDisk(secret) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(onDisk(secret), "the deleted embedding is still in a file of " + dataDir);
        assertStatus(Status.Code.NOT_FOUND, () -> faces.getFace(GetFaceRequest.newBuilder().setCollection("c").setFaceId(faceId).build()));
        assertTrue(searchEmbedding("c", secret, 5, true).getUnknown());
        assertEquals(60, searchEmbedding("c", FACES.sample(3, 9), 60, false, 100).getMatchesCount(), "the other faces are all there");
    }

    @Test
    void compactionMergesTheIndexAndChecksItsArguments() throws InterruptedException {
        createCollection("c");
        for (int round = 0; round < 3; round++) {
            enrollAll("c", 10, 1 + round);
            compact(0);
        }
        CompactCollectionResponse merged = collections.compactCollection(CompactCollectionRequest.newBuilder().setName("c").setMaxSegments(1).build());
        assertEquals(1, merged.getIndexSegments());
        assertTrue(merged.getIndexSizeBytesAfter() > 0);
        awaitTopMatch("c", FACES.sample(4, 7), io.facesearch.store.testing.SyntheticFaces.subject(4));
        assertStatus(Status.Code.NOT_FOUND, () -> collections.compactCollection(CompactCollectionRequest.newBuilder().setName("nope").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> collections.compactCollection(CompactCollectionRequest.newBuilder().setName("c")
                .setMaxSegments(-1).build()));
    }

    private CompactCollectionResponse compact(int maxSegments) {
        return collections.compactCollection(CompactCollectionRequest.newBuilder().setName("c").setMaxSegments(maxSegments).build());
    }

    /** Whether any file under the data directory holds the vector's first 16 values, big- or little-endian. */
    private boolean onDisk(float[] vector) throws IOException {
        List<byte[]> patterns = new ArrayList<>();
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            ByteBuffer b = ByteBuffer.allocate(64).order(order);
            for (int i = 0; i < 16; i++) {
                b.putFloat(vector[i]);
            }
            patterns.add(b.array());
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException e) {
                    continue; // deleted between listing and reading
                }
                for (byte[] pattern : patterns) {
                    if (indexOf(content, pattern) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
