package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.TestServer;
import io.facesearch.client.testing.Vectors;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, listing and revoking API keys with the SDK, and calls made with those keys, against a real server. */
class KeyCallsTest {
    @TempDir
    Path dataDir;
    TestServer server;
    FaceSearchClient admin;

    @BeforeEach
    void start() {
        server = TestServer.withoutPipeline(dataDir);
        admin = server.client();
        admin.createCollection(CollectionSpec.named("people").withModelId("synthetic@1"));
        admin.createCollection(CollectionSpec.named("staff").withModelId("synthetic@1"));
    }

    @AfterEach
    void stop() {
        admin.close();
        server.stop();
    }

    FaceSearchClient as(String secret) {
        return FaceSearchClient.builder().target(server.target()).token(secret).build();
    }

    @Test
    void createsListsAndRevokesKeysThatWorkWithTheirScopes() {
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        NewApiKey created = admin.createKey("loader", List.of("enroll:people", "search:staff"), expiry);
        assertEquals("loader", created.key().name());
        assertEquals(List.of("enroll:people", "search:staff"), created.key().scopes());
        assertEquals(expiry, created.key().expireTime());
        assertFalse(created.toString().contains(created.secret()), "no secret in a record's text");
        assertTrue(created.secret().startsWith("fsk_"));

        try (FaceSearchClient loader = as(created.secret())) {
            assertEquals(1, loader.enroll(Enrollment.of("people", "alice", Vectors.sample(1, 0))).faces().size());
            loader.searchByEmbedding("staff", Vectors.sample(1, 0), SearchOptions.DEFAULT);
            FaceSearchException denied = assertThrows(FaceSearchException.class,
                    () -> loader.enroll(Enrollment.of("staff", "bob", Vectors.sample(2, 0))));
            assertEquals(StatusCode.PERMISSION_DENIED, denied.code());
            assertTrue(denied.serverMessage().contains("enroll"), denied.serverMessage());
            assertEquals(List.of("people", "staff"), loader.listCollections().stream().map(Collection::name).sorted().toList());
            assertEquals(StatusCode.PERMISSION_DENIED, assertThrows(FaceSearchException.class, loader::listKeys).code());

            List<ApiKey> keys = admin.listKeys();
            assertEquals(List.of("bootstrap", "loader"), keys.stream().map(ApiKey::name).toList());
            assertEquals(created.key(), keys.get(1));

            ApiKey revoked = admin.revokeKey(created.key().id());
            assertTrue(revoked.revoked());
            FaceSearchException refused = assertThrows(FaceSearchException.class, () -> loader.listCollections());
            assertEquals(StatusCode.UNAUTHENTICATED, refused.code());
        }
        try (FaceSearchClient anonymous = FaceSearchClient.builder().target(server.target()).build()) {
            assertEquals(StatusCode.UNAUTHENTICATED, assertThrows(FaceSearchException.class, anonymous::listCollections).code());
        }
        assertEquals(StatusCode.INVALID_ARGUMENT,
                assertThrows(FaceSearchException.class, () -> admin.createKey("bad", List.of("everything"), null)).code());
        assertEquals(StatusCode.NOT_FOUND, assertThrows(FaceSearchException.class, () -> admin.revokeKey("k-none")).code());
    }

    @Test
    void theAsyncClientManagesKeysToo() throws Exception {
        NewApiKey created = admin.async().createKey("async", List.of("search:*"), null).get();
        assertEquals(null, created.key().expireTime());
        assertEquals(2, admin.async().listKeys().get().size());
        assertTrue(admin.async().revokeKey(created.key().id()).get().revoked());
    }
}
