package io.facesearch.server.transport;

import java.nio.file.Path;

/**
 * The server's TLS files, all PEM. TLS is on when a certificate and its key are given; with a
 * client CA, every client must present a certificate it signed (mutual TLS).
 *
 * @param certificate the server's certificate chain, or null for no TLS
 * @param privateKey its private key (PKCS#8), or null for no TLS
 * @param clientCa the CA certificates client certificates must chain to, or null for no client certificates
 */
public record TlsSettings(Path certificate, Path privateKey, Path clientCa) {

    public TlsSettings {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException("tls.cert and tls.key go together: give both or neither");
        }
        if (clientCa != null && certificate == null) {
            throw new IllegalArgumentException("tls.client.ca needs tls.cert and tls.key: mutual TLS is TLS first");
        }
    }

    public boolean enabled() {
        return certificate != null;
    }

    public boolean mutual() {
        return clientCa != null;
    }
}
