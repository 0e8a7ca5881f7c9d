package io.facesearch.server.testing;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bootstrap admin key a server wrote to {@code <data>/admin.key} at its first start, as tests
 * that are not about keys use it: every call of theirs goes through authentication as a real
 * client's would.
 */
public final class AdminKey {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private AdminKey() {
    }

    /** The secret in {@code <data>/admin.key}. */
    public static String read(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("admin.key"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no bootstrap key in " + dataDir, e);
        }
    }

    /** Sends the data directory's bootstrap key with every call of a channel. */
    public static ClientInterceptor of(Path dataDir) {
        return bearer(read(dataDir));
    }

    /** Sends {@code authorization: Bearer <secret>} with every call. */
    public static ClientInterceptor bearer(String secret) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + secret);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }
}
