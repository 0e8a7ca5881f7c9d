package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.ScriptedServer;
import io.facesearch.client.testing.SelfSignedCertificate;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS, tokens, retries, targets and an unreachable server. */
class ConnectionSettingsTest {

    @Test
    void sendsTheTokenAsABearerHeader() throws Exception {
        try (ScriptedServer server = ScriptedServer.plaintext();
                FaceSearchClient client = FaceSearchClient.builder().target("127.0.0.1:" + server.port()).token("s3cret").build();
                FaceSearchClient anonymous = FaceSearchClient.builder().target("127.0.0.1:" + server.port()).build()) {
            client.describeCollection("x");
            anonymous.describeCollection("x");
            assertEquals(List.of("Bearer s3cret", ""), server.authorizations());
        }
        assertThrows(IllegalArgumentException.class, () -> FaceSearchClient.builder().token("has space").build());
    }

    @Test
    void talksTlsToAServerWhoseCertificateItTrusts(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        try (ScriptedServer server = ScriptedServer.withTls(certificate.serverCredentials())) {
            String target = "localhost:" + server.port();
            try (FaceSearchClient client = FaceSearchClient.builder().target(target).tls(certificate.certificatePem())
                    .token("over-tls").build()) {
                assertEquals("secure", client.describeCollection("secure").name());
            }
            assertEquals(List.of("Bearer over-tls"), server.authorizations());

            try (FaceSearchClient systemTrust = FaceSearchClient.builder().target(target).tls().maxAttempts(1).build()) {
                FaceSearchException e = assertThrows(FaceSearchException.class, () -> systemTrust.describeCollection("x"));
                assertEquals(StatusCode.UNAVAILABLE, e.code(), "a self-signed certificate is not trusted by default: " + e);
            }
            try (FaceSearchClient plaintext = FaceSearchClient.builder().target(target).maxAttempts(1).build()) {
                assertEquals(StatusCode.UNAVAILABLE,
                        assertThrows(FaceSearchException.class, () -> plaintext.describeCollection("x")).code());
            }
        }
    }

    @Test
    void anUnreadableCertificateFileIsReportedAtBuild(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> FaceSearchClient.builder().tls(bad).build());
        assertTrue(e.getMessage().contains("ca.pem"), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> FaceSearchClient.builder().tls(dir.resolve("missing.pem")).build());
    }

    @Test
    void retriesIdempotentCallsWhenTheServerIsUnavailable() throws Exception {
        try (ScriptedServer server = ScriptedServer.plaintext();
                FaceSearchClient client = FaceSearchClient.builder().target("127.0.0.1:" + server.port()).build()) {
            server.failNext(2);
            assertEquals("x", client.describeCollection("x").name());
            assertEquals(3, server.calls(), "two failures, then the answer");

            server.failNext(1);
            FaceSearchException e = assertThrows(FaceSearchException.class, () -> client.createCollection("y"));
            assertEquals(StatusCode.UNAVAILABLE, e.code());
            assertEquals("scripted failure", e.serverMessage());
            assertEquals(4, server.calls(), "creating is not idempotent: one attempt");

            server.failNext(10);
            assertEquals(StatusCode.UNAVAILABLE, assertThrows(FaceSearchException.class, () -> client.describeCollection("x")).code());
            assertEquals(8, server.calls(), "four attempts at most");
        }
    }

    @Test
    void retriesCanBeTurnedOff() throws Exception {
        try (ScriptedServer server = ScriptedServer.plaintext();
                FaceSearchClient client = FaceSearchClient.builder().target("127.0.0.1:" + server.port()).maxAttempts(1).build()) {
            server.failNext(1);
            assertThrows(FaceSearchException.class, () -> client.describeCollection("x"));
            assertEquals(1, server.calls());
        }
    }

    @Test
    void everyIdempotentMethodIsInTheRetryPolicy() {
        List<String> methods = RetryPolicy.idempotentMethods();
        assertTrue(methods.contains("facesearch.v1.EnrollmentService/Enroll"));
        assertTrue(methods.contains("facesearch.v1.FaceService/DeleteSubject"));
        assertTrue(!methods.contains("facesearch.v1.CollectionService/CreateCollection"));
        assertTrue(!methods.contains("facesearch.v1.EnrollmentService/EnrollStream"));
        assertTrue(!methods.contains("facesearch.v1.KeyService/CreateKey"), "a retried CreateKey would make two keys");
        assertTrue(methods.contains("facesearch.v1.KeyService/RevokeKey"));
        assertEquals(16, methods.size());
    }

    @Test
    void anUnreachableServerIsUnavailableWithTheTransportsReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        try (FaceSearchClient client = FaceSearchClient.builder().target("127.0.0.1:" + port).deadline(Duration.ofSeconds(20)).build()) {
            FaceSearchException e = assertThrows(FaceSearchException.class, client::listCollections);
            assertTrue(e.isUnavailable(), e.toString());
            assertTrue(e.serverMessage().toLowerCase(java.util.Locale.ROOT).contains("refused"), e.serverMessage());
        }
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "retries give up within seconds, well before the deadline");
    }

    @Test
    void aBareHostGetsTheDefaultPort() {
        assertEquals("localhost:50051", FaceSearchClientBuilder.normalise("localhost"));
        assertEquals("example.org:7000", FaceSearchClientBuilder.normalise(" example.org:7000 "));
        assertEquals("[::1]:50051", FaceSearchClientBuilder.normalise("[::1]"));
        assertEquals("[::1]:9", FaceSearchClientBuilder.normalise("[::1]:9"));
        assertEquals("dns:///example.org:443", FaceSearchClientBuilder.normalise("dns:///example.org:443"));
        assertThrows(IllegalArgumentException.class, () -> FaceSearchClientBuilder.normalise(" "));
        assertThrows(IllegalArgumentException.class, () -> FaceSearchClient.builder().maxAttempts(6));
        assertThrows(IllegalArgumentException.class, () -> FaceSearchClient.builder().deadline(Duration.ofSeconds(-1)));
    }
}
