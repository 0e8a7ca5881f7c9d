package io.facesearch.server.testing;

import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * A server for a test to run in a JVM of its own (and kill): {@code --data DIR --port 0 ...}, each
 * flag a setting of {@link ServerConfig} ({@code --metrics-port} is {@code metrics.port}), without
 * the face pipeline. Prints the line {@code facesearch serve} prints, so that the test reads the
 * port from it.
 */
public final class ChildServer {

    private ChildServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i].replaceFirst("^--", "").replace('-', '.'), args[i + 1]);
        }
        FaceSearchServer server = new FaceSearchServer(ServerConfig.load(null, System.getenv(), flags), () -> null);
        server.start().addShutdownHook();
        System.out.println("FaceSearch server listening on port " + server.port() + " (metrics port " + server.metricsPort() + ")");
        System.out.flush();
        server.blockUntilShutdown();
    }
}
