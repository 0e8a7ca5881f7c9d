package io.facesearch.indexer.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FaceIdentityTest {
    private static final ContentHash PHOTO = ContentHash.of("photo".getBytes(StandardCharsets.UTF_8));

    @Test
    void sameFaceSameIds() {
        assertEquals(FaceIdentity.of(PHOTO, "alice", 0), FaceIdentity.of(PHOTO, "alice", 0));
        assertEquals(FaceIdentity.of(PHOTO, null, 2), FaceIdentity.of(PHOTO, null, 2));
    }

    @Test
    void photoSubjectAndRankEachChangeTheRequestId() {
        String id = FaceIdentity.of(PHOTO, "alice", 0).requestId();
        assertNotEquals(id, FaceIdentity.of(ContentHash.of(new byte[] {1}), "alice", 0).requestId());
        assertNotEquals(id, FaceIdentity.of(PHOTO, "bob", 0).requestId());
        assertNotEquals(id, FaceIdentity.of(PHOTO, "alice", 1).requestId());
        assertNotEquals(id, FaceIdentity.of(PHOTO, null, 0).requestId());
        // "" as a subject and "no subject" are different photos' labels.
        assertNotEquals(FaceIdentity.of(PHOTO, "", 0).requestId(), FaceIdentity.of(PHOTO, null, 0).requestId());
    }

    @Test
    void idsFitTheServersLimits() {
        FaceIdentity labelled = FaceIdentity.of(PHOTO, "alice", 0);
        assertEquals("alice", labelled.subjectId());
        assertTrue(labelled.requestId().matches("ix1:[A-Za-z0-9_-]{43}"), labelled.requestId());
        FaceIdentity unlabeled = FaceIdentity.of(PHOTO, null, 0);
        assertEquals(FaceIdentity.UNLABELED_PREFIX + unlabeled.requestId().substring(FaceIdentity.REQUEST_PREFIX.length()),
                unlabeled.subjectId(), "an unlabeled face's subject names the same key as its request id");
        assertTrue(unlabeled.requestId().length() <= 128 && unlabeled.subjectId().length() <= 256);
    }

    @Test
    void contentHashRoundTrips() {
        assertEquals(PHOTO, ContentHash.parse(PHOTO.hex()));
        assertTrue(PHOTO.hex().matches("[0-9a-f]{64}"), PHOTO.hex());
    }
}
