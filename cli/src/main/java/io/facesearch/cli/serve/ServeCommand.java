package io.facesearch.cli.serve;

import io.facesearch.pipeline.StageObserver;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code facesearch serve}: runs the server until it is stopped. Flags override the environment,
 * which overrides the config file; see {@link ServerConfig} for every setting.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the FaceSearch gRPC server.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings (see ServerConfig).")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default ./data).")
    Path data;

    @Option(names = "--backend", paramLabel = "NAME", description = "Storage backend (default embedded).")
    String backend;

    @Option(names = "--host", description = "Address to bind (default 127.0.0.1). Any other address needs TLS and API keys, or --insecure.")
    String host;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve TLS only (with --tls-key).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM (PKCS#8) private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-client-ca", paramLabel = "FILE", description = "PEM CA certificates: require client certificates they signed (mutual TLS).")
    Path tlsClientCa;

    @Option(names = "--insecure", description = "Serve on a non-loopback address without TLS or API keys. Anyone who reaches the port can read and delete every face.")
    boolean insecure;

    @Option(names = "--metrics-host", paramLabel = "ADDRESS", description = "Address the Prometheus port binds to (default 127.0.0.1).")
    String metricsHost;

    @Option(names = "--port", description = "gRPC port (default 50051; 0 picks a free port).")
    Integer port;

    @Option(names = "--metrics-port", description = "Prometheus port (default 9464; 0 picks a free port; -1 disables).")
    Integer metricsPort;

    @Option(names = "--max-message-bytes", description = "Largest request accepted (default 16 MiB).")
    Integer maxMessageBytes;

    @Option(names = "--pipeline-concurrency", description = "Image analyses run at once (default: cores).")
    Integer pipelineConcurrency;

    @Option(names = "--no-pipeline", description = "Serve precomputed embeddings only, even if models are installed.")
    boolean noPipeline;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>();
        put(flags, "data", data);
        put(flags, "backend", backend);
        put(flags, "host", host);
        put(flags, "port", port);
        put(flags, "metrics.port", metricsPort);
        put(flags, "metrics.host", metricsHost);
        put(flags, "tls.cert", tlsCert);
        put(flags, "tls.key", tlsKey);
        put(flags, "tls.client.ca", tlsClientCa);
        if (insecure) {
            flags.put("insecure", "true");
        }
        put(flags, "max.message.bytes", maxMessageBytes);
        put(flags, "pipeline.concurrency", pipelineConcurrency);
        ServerConfig config = ServerConfig.load(configFile, System.getenv(), flags);
        FaceSearchServer server = new FaceSearchServer(config,
                (StageObserver observer) -> noPipeline ? null : FaceSearchServer.discoverPipeline(observer));
        server.start().addShutdownHook();
        // Machine-readable: scripts and tests that start the server on port 0 read the port from here.
        System.out.println("FaceSearch server listening on port " + server.port() + " (metrics port " + server.metricsPort() + ")");
        System.out.flush();
        server.blockUntilShutdown();
        return 0;
    }

    private static void put(Map<String, String> flags, String name, Object value) {
        if (value != null) {
            flags.put(name, value.toString());
        }
    }
}
