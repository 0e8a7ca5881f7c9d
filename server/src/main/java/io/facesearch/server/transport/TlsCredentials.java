package io.facesearch.server.transport;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * The server's TLS credentials, read from their PEM files at start with grpc's
 * {@link AdvancedTlsX509KeyManager} and {@link AdvancedTlsX509TrustManager}; a bad file fails the
 * start with its name. A renewed certificate is served after a restart.
 */
public final class TlsCredentials {

    private TlsCredentials() {
    }

    /** @throws IOException naming the file that cannot be read or parsed */
    public static ServerCredentials open(TlsSettings settings) throws IOException {
        AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
        try {
            keys.updateIdentityCredentials(settings.certificate().toFile(), settings.privateKey().toFile());
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("cannot load the TLS certificate " + settings.certificate() + " with key "
                    + settings.privateKey() + ": " + e.getMessage(), e);
        }
        TlsServerCredentials.Builder builder = TlsServerCredentials.newBuilder().keyManager(keys);
        if (settings.mutual()) {
            try {
                // Clients are authenticated by their certificate's chain; there is no host name to check.
                AdvancedTlsX509TrustManager clients = AdvancedTlsX509TrustManager.newBuilder()
                        .setVerification(AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION).build();
                clients.updateTrustCredentials(settings.clientCa().toFile());
                builder.trustManager(clients).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
            } catch (GeneralSecurityException | IOException e) {
                throw new IOException("cannot load the client CA " + settings.clientCa() + ": " + e.getMessage(), e);
            }
        }
        return builder.build();
    }
}
