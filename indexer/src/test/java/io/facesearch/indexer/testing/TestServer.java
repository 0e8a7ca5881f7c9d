package io.facesearch.indexer.testing;

import io.facesearch.client.FaceSearchClient;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real FaceSearch server (RocksDB and Lucene in a folder, gRPC on localhost) without a face
 * pipeline: the indexer sends embeddings it computed itself.
 */
public final class TestServer implements AutoCloseable {
    private final FaceSearchServer server;

    private TestServer(FaceSearchServer server) {
        this.server = server;
    }

    /** A server on a free port. */
    public static TestServer start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** A server on {@code port} (0 for a free one), e.g. to restart one where a client expects it. */
    public static TestServer start(Path dataDir, int port) {
        ServerConfig config = ServerConfig.load(null, Map.of(), Map.of("data", dataDir.toString(), "host", "127.0.0.1",
                "port", Integer.toString(port), "metrics.port", "-1"));
        try {
            return new TestServer(new FaceSearchServer(config, () -> null).start());
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

    public FaceSearchClient client() {
        return FaceSearchClient.builder().target(target()).build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
