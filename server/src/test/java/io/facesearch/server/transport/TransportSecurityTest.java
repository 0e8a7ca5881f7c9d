package io.facesearch.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the real server listens, over real sockets: TLS with certificates made for the test, mutual
 * TLS, no unprotected server off loopback without
 * {@code insecure}, and a data directory closed to other users.
 */
class TransportSecurityTest {
    @TempDir
    Path dir;
    private FaceSearchServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private FaceSearchServer start(Map<String, String> settings) throws IOException {
        // API keys are another layer, tested on their own (ApiKeysApiTest); here the transport alone answers.
        Map<String, String> all = new HashMap<>(Map.of("data", dir.resolve("data").toString(), "host", "127.0.0.1", "port", "0",
                "metrics.port", "-1", "auth.enabled", "false"));
        all.putAll(settings);
        server = new FaceSearchServer(ServerConfig.load(null, Map.of(), all), () -> null).start();
        return server;
    }

    /** Lists the collections over a fresh connection: the status of the call, OK when it went through. */
    private Status.Code call(ChannelCredentials credentials) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.port(), credentials).build();
        try {
            CollectionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listCollections(ListCollectionsRequest.getDefaultInstance());
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        } finally {
            channel.shutdownNow();
        }
    }

    private static ChannelCredentials trusting(TestCertificates.Issued ca) throws IOException {
        return TlsChannelCredentials.newBuilder().trustManager(ca.certificateFile().toFile()).build();
    }

    @Test
    void aTlsServerSpeaksTlsOnly() throws IOException {
        TestCertificates.Issued ca = TestCertificates.authority(dir, "ca");
        TestCertificates.Issued cert = TestCertificates.leaf(dir, "server", ca);
        start(Map.of("tls.cert", cert.certificateFile().toString(), "tls.key", cert.keyFile().toString()));

        assertEquals(Status.Code.OK, call(trusting(ca)));
        assertEquals(Status.Code.UNAVAILABLE, call(InsecureChannelCredentials.create()), "plaintext is refused");
        TestCertificates.Issued stranger = TestCertificates.authority(dir, "stranger-ca");
        assertEquals(Status.Code.UNAVAILABLE, call(trusting(stranger)), "a client that does not trust the certificate stops");
    }

    @Test
    void mutualTlsNeedsAClientCertificateOfTheClientCa() throws IOException {
        TestCertificates.Issued ca = TestCertificates.authority(dir, "ca");
        TestCertificates.Issued cert = TestCertificates.leaf(dir, "server", ca);
        TestCertificates.Issued clients = TestCertificates.authority(dir, "clients-ca");
        TestCertificates.Issued client = TestCertificates.leaf(dir, "client", clients);
        TestCertificates.Issued impostor = TestCertificates.leaf(dir, "impostor", TestCertificates.authority(dir, "other-ca"));
        start(Map.of("tls.cert", cert.certificateFile().toString(), "tls.key", cert.keyFile().toString(),
                "tls.client.ca", clients.certificateFile().toString()));

        assertEquals(Status.Code.UNAVAILABLE, call(trusting(ca)), "no client certificate");
        assertEquals(Status.Code.UNAVAILABLE, call(TlsChannelCredentials.newBuilder().trustManager(ca.certificateFile().toFile())
                .keyManager(impostor.certificateFile().toFile(), impostor.keyFile().toFile()).build()), "a certificate of another CA");
        assertEquals(Status.Code.OK, call(TlsChannelCredentials.newBuilder().trustManager(ca.certificateFile().toFile())
                .keyManager(client.certificateFile().toFile(), client.keyFile().toFile()).build()));
    }

    @Test
    void anUnprotectedServerStaysOnLoopbackUnlessToldOtherwise() throws IOException {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(Map.of("host", "0.0.0.0")));
        assertTrue(refused.getMessage().contains("--insecure"), refused.getMessage());
        assertTrue(refused.getMessage().contains("without TLS"), refused.getMessage());
        server = null;

        start(Map.of("host", "0.0.0.0", "insecure", "true"));
        assertEquals(Status.Code.OK, call(InsecureChannelCredentials.create()), "served, as asked");
    }

    @Test
    void theDefaultsBindLoopback() {
        ServerConfig defaults = ServerConfig.load(null, Map.of(), Map.of());
        assertEquals("127.0.0.1", defaults.host());
        assertEquals("127.0.0.1", defaults.metricsHost());
        assertTrue(!defaults.tls().enabled() && !defaults.insecure());
    }

    @Test
    void theDataDirectoryIsClosedToOtherUsers() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path older = Files.writeString(data.resolve("written-by-an-older-version"), "x");
        Files.setPosixFilePermissions(older, PosixFilePermissions.fromString("rw-r--r--"));
        start(Map.of());
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
        try {
            CollectionServiceGrpc.newBlockingStub(channel).createCollection(CreateCollectionRequest.newBuilder().setName("c")
                    .setModelId("m@1").setEmbeddingDimension(4).build());
        } finally {
            channel.shutdownNow();
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        server.stop();
        server = null;

        List<Path> tree;
        try (Stream<Path> walk = Files.walk(data)) {
            tree = walk.filter(p -> !Files.isSymbolicLink(p)).toList();
        }
        assertTrue(tree.size() > 3, "the backend wrote its files: " + tree);
        for (Path p : tree) {
            String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }
}
