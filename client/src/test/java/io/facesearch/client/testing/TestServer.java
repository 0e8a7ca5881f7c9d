package io.facesearch.client.testing;

import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchClientBuilder;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.testdata.SharedPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A real FaceSearch server (RocksDB and Lucene in a folder, gRPC on a free localhost port), with
 * or without the face pipeline.
 */
public final class TestServer implements AutoCloseable {
    private final FaceSearchServer server;

    private TestServer(FaceSearchServer server) {
        this.server = server;
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
            return new TestServer(new FaceSearchServer(ServerConfig.forTests(dataDir), pipeline).start());
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

    /** A builder aimed at this server. */
    public FaceSearchClientBuilder clientBuilder() {
        return FaceSearchClient.builder().target(target());
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
