package io.facesearch.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.facesearch.cli.testing.Cli;
import io.facesearch.client.testing.ScriptedServer;
import io.facesearch.client.testing.SelfSignedCertificate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --token}, {@code --tls} and {@code --ca}, seen from a stand-in server. */
class ServerOptionsTest {

    @Test
    void sendsTheTokenOnlyWhenGiven() throws Exception {
        assumeTrue(System.getenv("FACESEARCH_TOKEN") == null, "FACESEARCH_TOKEN is set in this environment");
        try (ScriptedServer server = ScriptedServer.plaintext()) {
            String target = "127.0.0.1:" + server.port();
            assertEquals(0, Cli.against(target, "collections", "describe", "a", "--token", "t0ken").status());
            assertEquals(0, Cli.against(target, "collections", "describe", "b").status());
            assertEquals(List.of("Bearer t0ken", ""), server.authorizations());
        }
        EnrollCommand parsed = new EnrollCommand();
        new CommandLine(parsed).parseArgs("-c", "x", "-s", "y", "photo.jpg");
        assertNull(parsed.server.token, "no token unless given or in the environment");
    }

    @Test
    void talksTlsTrustingTheGivenCertificate(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        try (ScriptedServer server = ScriptedServer.withTls(certificate.serverCredentials())) {
            String target = "localhost:" + server.port();
            Cli.Run trusted = Cli.against(target, "collections", "describe", "secure", "--ca", certificate.certificatePem().toString());
            assertEquals(0, trusted.status(), trusted.toString());
            assertTrue(trusted.out().startsWith("name:         secure"), trusted.out());

            Cli.Run untrusted = Cli.against(target, "collections", "describe", "secure", "--tls");
            assertEquals(4, untrusted.status(), untrusted.toString());
            assertTrue(untrusted.err().startsWith("cannot reach FaceSearch server at " + target), untrusted.err());
        }
    }
}
