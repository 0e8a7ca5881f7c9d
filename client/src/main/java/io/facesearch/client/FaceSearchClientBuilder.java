package io.facesearch.client;

import io.grpc.ChannelCredentials;
import io.grpc.CompositeChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link FaceSearchClient}. Every setting has a default, so
 * {@code FaceSearchClient.builder().build()} talks plaintext to {@code localhost:50051}.
 */
public final class FaceSearchClientBuilder {
    /** The port {@code facesearch serve} listens on by default. */
    public static final int DEFAULT_PORT = 50051;
    /** Long enough for a large photo on a busy CPU-only server, short enough to notice a stuck one. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    /** The server accepts requests up to 16 MiB; replies (pages of faces with embeddings) stay below it too. */
    private static final int DEFAULT_MAX_INBOUND_BYTES = 16 * 1024 * 1024;

    private String target = "localhost:" + DEFAULT_PORT;
    private boolean tls;
    private Path trustedCertificates;
    private String token;
    private Duration deadline = DEFAULT_DEADLINE;
    private int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;
    private int maxInboundMessageBytes = DEFAULT_MAX_INBOUND_BYTES;

    FaceSearchClientBuilder() {
    }

    /**
     * The server: {@code host:port}, {@code host} (port 50051), {@code [::1]:port}, or any gRPC
     * target URI such as {@code dns:///host:port}.
     */
    public FaceSearchClientBuilder target(String target) {
        this.target = normalise(Objects.requireNonNull(target, "target"));
        return this;
    }

    /** No TLS (the default): for localhost, or behind a TLS-terminating proxy on the same host. */
    public FaceSearchClientBuilder plaintext() {
        this.tls = false;
        this.trustedCertificates = null;
        return this;
    }

    /** TLS, trusting the system's default certificate authorities. */
    public FaceSearchClientBuilder tls() {
        this.tls = true;
        this.trustedCertificates = null;
        return this;
    }

    /** TLS, trusting only the certificate authorities in a PEM file (for a private CA or a self-signed server). */
    public FaceSearchClientBuilder tls(Path trustedCertificatesPem) {
        this.tls = true;
        this.trustedCertificates = Objects.requireNonNull(trustedCertificatesPem, "trustedCertificatesPem");
        return this;
    }

    /**
     * An API token, sent as {@code authorization: Bearer <token>} with every call; null for none.
     * It travels in clear text unless TLS is on.
     */
    public FaceSearchClientBuilder token(String token) {
        this.token = token;
        return this;
    }

    /**
     * How long each call may take, retries included; null or zero for no limit. Does not apply to
     * a {@link BulkEnrollment}, which lasts as long as its items keep coming.
     */
    public FaceSearchClientBuilder deadline(Duration deadline) {
        if (deadline != null && deadline.isNegative()) {
            throw new IllegalArgumentException("a deadline is positive, got " + deadline);
        }
        this.deadline = deadline == null || deadline.isZero() ? null : deadline;
        return this;
    }

    /**
     * Attempts per idempotent call failing with UNAVAILABLE, the first included (default 4, at
     * most 5); 1 turns retries off. See {@link FaceSearchClient} for which calls are retried.
     */
    public FaceSearchClientBuilder maxAttempts(int attempts) {
        if (attempts < 1 || attempts > 5) {
            throw new IllegalArgumentException("attempts must be in [1, 5], got " + attempts);
        }
        this.maxAttempts = attempts;
        return this;
    }

    /** The largest reply accepted, in bytes (default 16 MiB). */
    public FaceSearchClientBuilder maxInboundMessageBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxInboundMessageBytes must be at least 1024, got " + bytes);
        }
        this.maxInboundMessageBytes = bytes;
        return this;
    }

    /**
     * Creates the client. It connects on its first call, so an unreachable server shows as
     * UNAVAILABLE there, not here.
     *
     * @throws UncheckedIOException when the trusted certificates cannot be read
     */
    public FaceSearchClient build() {
        ManagedChannelBuilder<?> channel = Grpc.newChannelBuilder(target, credentials())
                .maxInboundMessageSize(maxInboundMessageBytes)
                .userAgent("facesearch-java");
        if (maxAttempts > 1) {
            channel.defaultServiceConfig(RetryPolicy.serviceConfig(maxAttempts)).enableRetry().maxRetryAttempts(maxAttempts);
        } else {
            channel.disableRetry();
        }
        return new GrpcFaceSearchClient(channel.build(), target, deadline);
    }

    private ChannelCredentials credentials() {
        ChannelCredentials transport;
        if (!tls) {
            transport = InsecureChannelCredentials.create();
        } else if (trustedCertificates == null) {
            transport = TlsChannelCredentials.create();
        } else {
            try {
                requireCertificates(trustedCertificates);
                transport = TlsChannelCredentials.newBuilder().trustManager(trustedCertificates.toFile()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read trusted certificates from " + trustedCertificates + ": " + e.getMessage(), e);
            }
        }
        return token == null ? transport : CompositeChannelCredentials.create(transport, new BearerToken(token));
    }

    /** Fails here, with the file's name, rather than with an obscure "no provider" when the channel is made. */
    private static void requireCertificates(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new IOException("no PEM certificate in the file");
            }
        } catch (CertificateException e) {
            throw new IOException("not PEM certificates (" + e.getMessage() + ")", e);
        }
    }

    /** Adds the default port to a bare host name; leaves URIs and {@code host:port} alone. */
    static String normalise(String target) {
        String t = target.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the target is empty; give host:port");
        }
        if (t.contains(":/") || t.startsWith("unix:")) {
            return t;
        }
        int bracket = t.lastIndexOf(']');
        boolean hasPort = bracket >= 0 ? t.indexOf(':', bracket) > 0 : t.indexOf(':') >= 0;
        return hasPort ? t : t + ":" + DEFAULT_PORT;
    }
}
