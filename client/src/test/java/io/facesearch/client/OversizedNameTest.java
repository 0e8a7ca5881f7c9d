package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name far over the limit, through the SDK to a real server: refused as such, never a transport failure. */
class OversizedNameTest {
    @TempDir
    Path dataDir;

    @Test
    void aHundredKilobyteNameIsAnInvalidArgumentWithAShortMessage() {
        String name = "x".repeat(100 * 1024);
        try (TestServer server = TestServer.withoutPipeline(dataDir); FaceSearchClient client = server.client()) {
            FaceSearchException e = assertThrows(FaceSearchException.class, () -> client.describeCollection(name));
            // Before names were bounded, the whole name came back in the status trailer: INTERNAL "Header size exceeded".
            assertEquals(StatusCode.INVALID_ARGUMENT, e.code(), e.getMessage());
            assertTrue(e.serverMessage().length() < 300, e.serverMessage());
            assertThrows(FaceSearchException.class, () -> client.createCollection(CollectionSpec.named(name)));
            assertEquals(0, client.listCollections().size(), "the connection still serves");
        }
    }
}
