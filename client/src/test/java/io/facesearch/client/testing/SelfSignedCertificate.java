package io.facesearch.client.testing;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * A certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's keytool: its
 * key in a PKCS#12 store for a test server, the certificate as PEM for the client to trust.
 */
public record SelfSignedCertificate(Path keyStore, Path certificatePem) {
    private static final char[] PASSWORD = "test-only".toCharArray();

    public static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        keytool(List.of("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        keytool(List.of("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-file", pem.toString()));
        return new SelfSignedCertificate(store, pem);
    }

    /** Server credentials presenting this certificate. */
    public ServerCredentials serverCredentials() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        return TlsServerCredentials.newBuilder().keyManager(kmf.getKeyManagers()).build();
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args.getFirst() + " failed: " + output);
        }
    }
}
