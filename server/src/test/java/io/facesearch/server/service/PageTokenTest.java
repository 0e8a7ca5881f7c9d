package io.facesearch.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageTokenTest {

    @Test
    void roundTripsPositions() {
        assertEquals("Zoë", PageToken.decodeSubject(PageToken.subjects(7, "Zoë"), 7));
        UUID id = UUID.randomUUID();
        assertEquals(id, PageToken.decodeFace(PageToken.faces(PageToken.Kind.FACES, 7, id), PageToken.Kind.FACES, 7));
        assertNull(PageToken.decodeSubject("", 7));
        assertNull(PageToken.decodeFace(null, PageToken.Kind.FACES, 7));
    }

    @Test
    void refusesTokensOfAnotherListingOrCollection() {
        String faces = PageToken.faces(PageToken.Kind.FACES, 7, UUID.randomUUID());
        assertThrows(FaceSearchException.class, () -> PageToken.decodeFace(faces, PageToken.Kind.FACES, 8));
        assertThrows(FaceSearchException.class, () -> PageToken.decodeFace(faces, PageToken.Kind.SUBJECT_FACES, 7));
        assertThrows(FaceSearchException.class, () -> PageToken.decodeSubject(faces, 7));
        assertThrows(FaceSearchException.class, () -> PageToken.decodeFace("%%%", PageToken.Kind.FACES, 7));
        assertThrows(FaceSearchException.class, () -> PageToken.decodeFace("AQ", PageToken.Kind.FACES, 7));
    }
}
