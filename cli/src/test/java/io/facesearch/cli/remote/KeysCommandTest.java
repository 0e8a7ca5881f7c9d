package io.facesearch.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.testing.Cli;
import io.facesearch.client.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys create|list|revoke} against a real server, and the keys they make used by other commands. */
class KeysCommandTest {
    @TempDir
    Path dataDir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.withoutPipeline(dataDir);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    Cli.Run admin(String... args) {
        return Cli.againstWithKey(server.target(), server.adminKey(), args);
    }

    @Test
    void createPrintsTheSecretAloneFirstAndTheKeyWorksWithinItsScopes() throws Exception {
        assertEquals(0, admin("collections", "create", "people", "--model-id", "m@1").status());
        assertEquals(0, admin("collections", "create", "staff", "--model-id", "m@1").status());
        Cli.Run created = admin("keys", "create", "--name", "reader", "--scope", "search:people", "--expires", "30d");
        assertEquals(0, created.status(), created.toString());
        List<String> lines = created.lines();
        String secret = lines.get(0);
        assertTrue(secret.matches("fsk_[A-Za-z0-9_-]{43}"), "the secret alone on the first line: " + lines);
        assertTrue(lines.get(1).matches("id: +k[0-9a-f]{16}"), lines.toString());
        assertEquals("name:     reader", lines.get(2));
        assertEquals("scopes:   search:people", lines.get(3));
        Instant expires = Instant.parse(lines.get(5).replaceFirst("expires: +", ""));
        assertTrue(Duration.between(Instant.now(), expires).toDays() >= 29, lines.get(5));
        assertTrue(created.err().contains("never shows it again"), created.err());

        Cli.Run read = Cli.againstWithKey(server.target(), secret, "collections", "list");
        assertEquals(0, read.status(), read.toString());
        assertEquals(2, read.lines().size(), "the header and people only: " + read.out());
        assertTrue(read.lines().get(1).startsWith("people "), read.out());
        Cli.Run create = Cli.againstWithKey(server.target(), secret, "collections", "create", "mine", "--model-id", "m@1");
        assertEquals(1, create.status(), create.toString());
        assertTrue(create.err().contains("may not admin on collection 'mine'") && create.err().contains("(PERMISSION_DENIED)"), create.err());
        Cli.Run other = Cli.againstWithKey(server.target(), secret, "subjects", "list", "-c", "staff");
        assertEquals(1, other.status(), other.toString());
        assertTrue(other.err().contains("(PERMISSION_DENIED)"), other.err());
        Cli.Run keys = Cli.againstWithKey(server.target(), secret, "keys", "list");
        assertEquals(1, keys.status(), keys.toString());
        assertTrue(keys.err().contains("may not admin on every collection (*)"), keys.err());
    }

    @Test
    void jsonGivesEveryFieldAndListAndRevokeManageKeys() throws Exception {
        Cli.Run created = admin("keys", "create", "--name", "loader", "--scope", "enroll:people", "--scope", "search:*",
                "--expires", "2099-01-31", "--json");
        assertEquals(0, created.status(), created.toString());
        assertEquals(1, created.lines().size(), created.out());
        JsonNode key = Json.MAPPER.readTree(created.out());
        assertEquals(List.of("createTime", "expireTime", "id", "name", "revokeTime", "scopes", "secret"),
                iterate(key.fieldNames()).stream().sorted().toList());
        assertEquals("loader", key.get("name").asText());
        assertEquals("[\"enroll:people\",\"search:*\"]", key.get("scopes").toString());
        assertEquals("2099-01-31T00:00:00Z", key.get("expireTime").asText());
        assertTrue(key.get("secret").asText().startsWith("fsk_"));
        assertTrue(key.get("revokeTime").isNull());

        Cli.Run table = admin("keys", "list");
        assertEquals(0, table.status(), table.toString());
        assertEquals(3, table.lines().size(), table.out());
        assertTrue(table.lines().get(0).matches("ID +NAME +SCOPES +CREATED +EXPIRES +STATE"), table.out());
        assertTrue(table.lines().get(1).matches("k[0-9a-f]{16} +bootstrap +admin:\\* +\\S+ +never +active"), table.out());
        assertTrue(table.lines().get(2).contains("enroll:people search:*"), table.out());
        assertFalse(table.out().contains(key.get("secret").asText()), "list shows no secret");

        String id = key.get("id").asText();
        Cli.Run revoked = admin("keys", "revoke", id);
        assertEquals(0, revoked.status(), revoked.toString());
        assertTrue(revoked.out().startsWith("revoked key " + id + " (loader) at "), revoked.out());
        List<String> json = admin("keys", "list", "--json").lines();
        assertEquals(2, json.size());
        JsonNode listed = Json.MAPPER.readTree(json.get(1));
        assertEquals(id, listed.get("id").asText());
        assertFalse(listed.get("revokeTime").isNull());
        assertFalse(listed.has("secret"));
        assertTrue(admin("keys", "list").lines().get(2).endsWith("revoked"));

        Cli.Run refused = Cli.againstWithKey(server.target(), key.get("secret").asText(), "collections", "list");
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains("was revoked") && refused.err().contains("(UNAUTHENTICATED)"), refused.err());
        assertEquals(1, admin("keys", "revoke", "k0000000000000000").status());
        assertEquals(2, admin("keys", "create", "--name", "x", "--scope", "search:a", "--expires", "soon").status());
        Cli.Run badScope = admin("keys", "create", "--name", "x", "--scope", "read:a");
        assertEquals(1, badScope.status());
        assertTrue(badScope.err().contains("search|enroll|admin:COLLECTION"), badScope.err());
    }

    @Test
    void withoutAKeyTheServerSaysWhatItNeeds() {
        Cli.Run anonymous = Cli.against(server.target(), "collections", "list");
        assertEquals(1, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.err().contains("this server needs an API key") && anonymous.err().contains("(UNAUTHENTICATED)"),
                anonymous.err());
    }

    @Test
    void onlyALoopbackServerIsSentTheLocalAdminKey(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("admin.key"), "fsk_local\n");
        Map<String, String> env = Map.of(LocalAdminKey.DATA_ENVIRONMENT, dir.toString());
        for (String local : List.of("localhost:50051", "127.0.0.1:7", "[::1]:50051", "dns:///localhost:50051", "localhost")) {
            assertEquals(java.util.Optional.of("fsk_local"), LocalAdminKey.find(local, env), local);
        }
        for (String remote : List.of("search.example.com:50051", "10.0.0.5:50051", "[2001:db8::1]:443", "localhost.example.com:1")) {
            assertTrue(LocalAdminKey.find(remote, env).isEmpty(), remote);
        }
        assertTrue(LocalAdminKey.find("localhost:1", Map.of(LocalAdminKey.DATA_ENVIRONMENT, dir.resolve("none").toString())).isEmpty());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
