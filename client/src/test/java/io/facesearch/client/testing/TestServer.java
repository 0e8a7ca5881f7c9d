package io.facesearch.client.testing;

import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchClientBuilder;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.testdata.SharedPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A real FaceSearch server (RocksDB and Lucene in a folder, gRPC on a free localhost port), with
 * or without the face pipeline. Authentication is on, as in production: {@link #client()} and
 * {@link #clientBuilder()} carry the bootstrap admin key the server wrote to
 * {@code <data>/admin.key}, and command-line tests pass {@link #adminKey()} as {@code --token}.
 */
public final class TestServer implements AutoCloseable {
    private final FaceSearchServer server;
    private final Path dataDir;

    private TestServer(FaceSearchServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** A server that serves precomputed embeddings only. */
    public static TestServer withoutPipeline(Path dataDir) {
        return start(dataDir, () -> null);
    }

    /** A server with the real face pipeline. */
    public static TestServer withPipeline(Path dataDir) {
        return start(dataDir, SharedPipeline::view);
    }

    private static TestServer start(Path dataDir, Supplier<FacePipeline> pipeline) {
        try {
            return new TestServer(new FaceSearchServer(ServerConfig.forTests(dataDir), pipeline).start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    /** {@code 127.0.0.1:port}. */
    public String target() {
        return "127.0.0.1:" + port();
    }

    /** The bootstrap admin key's secret, from {@code <data>/admin.key}. */
    public String adminKey() {
        try {
            return Files.readString(dataDir.resolve("admin.key"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A builder aimed at this server, with the admin key. */
    public FaceSearchClientBuilder clientBuilder() {
        return FaceSearchClient.builder().target(target()).token(adminKey());
    }

    public FaceSearchClient client() {
        return clientBuilder().build();
    }

    /** Stops the server: calls in progress get 10 s to finish, then are cut off. */
    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
