package io.facesearch.cli.remote;

import io.facesearch.cli.DurationConverter;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How a command reaches the server; shared by every server command, in this module and others
 * (add it as a picocli {@code @Mixin}).
 */
public final class ServerOptions {

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "${env:FACESEARCH_SERVER:-localhost:50051}",
            description = "The FaceSearch server (default: ${DEFAULT-VALUE}; env FACESEARCH_SERVER).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:FACESEARCH_TOKEN}",
            description = "API key, sent as a bearer header (env FACESEARCH_TOKEN). Without one, a server on this machine "
                    + "(localhost, 127.0.0.1, ::1) is sent the bootstrap admin key it wrote to ./data/admin.key "
                    + "($FACESEARCH_DATA/admin.key when set), if this user can read it.")
    String token;

    @Option(names = "--tls", description = "Use TLS, trusting the system's certificate authorities.")
    boolean tls;

    @Option(names = "--ca", paramLabel = "PEM", description = "Use TLS, trusting the certificate authorities in this PEM file.")
    Path trustedCertificates;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time allowed for each call, e.g. 500ms, 10s, 2m (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    /** The server as given, e.g. {@code localhost:50051}. */
    public String server() {
        return server;
    }

    /** A client with these settings; the caller closes it. */
    public FaceSearchClient connect() {
        FaceSearchClientBuilder builder = FaceSearchClient.builder().target(server).deadline(deadline)
                .token(token == null || token.isBlank() ? LocalAdminKey.find(server, System.getenv()).orElse(null) : token);
        if (trustedCertificates != null) {
            builder.tls(trustedCertificates);
        } else if (tls) {
            builder.tls();
        }
        return builder.build();
    }
}
