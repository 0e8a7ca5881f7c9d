package io.facesearch.server.config;

import io.facesearch.quality.QualityGate;
import io.facesearch.server.transport.TlsSettings;
import io.facesearch.store.BackendSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Every setting of the server, in one place. Each has a property name; a value comes from, in
 * increasing precedence: the default below, a properties file ({@code --config}), the environment
 * variable {@code FACESEARCH_<NAME>} (upper case, dots as underscores, e.g.
 * {@code FACESEARCH_METRICS_PORT}), and a command-line flag.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>data</td><td>./data</td><td>data directory, owned by the storage backend (embedded: {@code db/} RocksDB and
 *     {@code index/} Lucene); the server keeps its API keys ({@code keys.jsonl}, {@code admin.key}) and its audit log
 *     ({@code audit/}) beside them</td></tr>
 * <tr><td>backend</td><td>embedded</td><td>storage backend, by the name its provider gives (found on the class path with
 *     {@link java.util.ServiceLoader}); the settings from {@code refresh.ms} on are handed to it</td></tr>
 * <tr><td>host</td><td>127.0.0.1</td><td>address the gRPC port binds to; any address but loopback needs TLS and API keys, or
 *     {@code insecure}</td></tr>
 * <tr><td>port</td><td>50051</td><td>gRPC port; 0 picks a free one</td></tr>
 * <tr><td>metrics.host</td><td>127.0.0.1</td><td>address the Prometheus port binds to</td></tr>
 * <tr><td>metrics.port</td><td>9464</td><td>Prometheus scrape port; 0 picks a free one, -1 disables it</td></tr>
 * <tr><td>tls.cert</td><td>(none)</td><td>the server's PEM certificate chain; with {@code tls.key}, the gRPC port speaks TLS only</td></tr>
 * <tr><td>tls.key</td><td>(none)</td><td>its PEM (PKCS#8) private key</td></tr>
 * <tr><td>tls.client.ca</td><td>(none)</td><td>PEM CA certificates: every client must present a certificate they signed (mutual TLS)</td></tr>
 * <tr><td>insecure</td><td>false</td><td>allow serving on a non-loopback address without TLS and API keys (logged as a warning)</td></tr>
 * <tr><td>max.message.bytes</td><td>16777216</td><td>largest request accepted (16 MiB: a large photo with room to spare)</td></tr>
 * <tr><td>pipeline.concurrency</td><td>cores</td><td>image analyses run at once</td></tr>
 * <tr><td>pipeline.wait.ms</td><td>1000</td><td>how long a request waits for an analysis slot before RESOURCE_EXHAUSTED</td></tr>
 * <tr><td>stream.window</td><td>256</td><td>EnrollStream items read ahead per stream (one synced write per batch)</td></tr>
 * <tr><td>refresh.ms</td><td>500</td><td>index refresh period: new faces are searchable within it (at most 1000); each refresh
 *     with new faces writes a segment, so shorter periods mean more small HNSW graphs to merge</td></tr>
 * <tr><td>commit.ms</td><td>30000</td><td>index commit period: how much change log a restart replays at most</td></tr>
 * <tr><td>index.max.lag</td><td>1000000</td><td>acknowledged enrolments the index may be behind before writers wait for it:
 *     a bulk load is acknowledged at the speed of the database up to this many faces ahead of the HNSW graph, and at the
 *     speed of the graph beyond; a face is searchable once the index has caught up to it (see store-embedded/DESIGN.md)</td></tr>
 * <tr><td>hnsw.max.conn</td><td>16</td><td>HNSW neighbours per node</td></tr>
 * <tr><td>hnsw.beam.width</td><td>100</td><td>HNSW build beam width</td></tr>
 * <tr><td>hnsw.candidates</td><td>150</td><td>neighbours collected per search before the k nearest are kept</td></tr>
 * <tr><td>quality.min.score</td><td>0</td><td>enrolment's quality gate ({@link QualityGate}): lowest detector score
 *     enrolled; refused faces come back with reason LOW_SCORE. The quality defaults are measured (docs/accuracy.md,
 *     "Quality gate"): no detection in photos without a face is enrolled, no LFW face is refused. 0 turns a minimum off</td></tr>
 * <tr><td>quality.max.box.to.face</td><td>1.4</td><td>how far the detection box may be from the face its landmarks fit,
 *     either way, as a ratio (LANDMARKS_DISAGREE)</td></tr>
 * <tr><td>quality.min.face.px</td><td>36</td><td>shortest side of the face's box, in the photo's pixels (TOO_SMALL)</td></tr>
 * <tr><td>quality.min.sharpness</td><td>3</td><td>variance of the Laplacian of the aligned grey face chip (BLURRY)</td></tr>
 * <tr><td>quality.max.yaw</td><td>90</td><td>largest head turn, degrees (EXTREME_POSE); the estimate stops at 90, so 90 leaves it open</td></tr>
 * <tr><td>quality.max.pitch</td><td>90</td><td>largest head nod, degrees (EXTREME_POSE); 90 leaves it open</td></tr>
 * <tr><td>quality.max.roll</td><td>45</td><td>largest in-plane tilt of the eye line, degrees (EXTREME_POSE): the aligned chip levels up to 45</td></tr>
 * <tr><td>auth.enabled</td><td>true</td><td>every call needs an API key with the scope for it (health and reflection excepted);
 *     false only for a server embedded in a trusted process (see deploy/SECURITY.md)</td></tr>
 * <tr><td>admin.key</td><td>(none)</td><td>the bootstrap admin secret ({@code FACESEARCH_ADMIN_KEY}), registered at the first
 *     start instead of a generated one written to {@code <data>/admin.key}; at least 16 characters; ignored once keys exist</td></tr>
 * <tr><td>audit.max.bytes</td><td>67108864</td><td>size at which {@code <data>/audit/audit.jsonl} is rotated (64 MiB: about
 *     200,000 records)</td></tr>
 * <tr><td>audit.max.files</td><td>0</td><td>rotated audit files kept, oldest deleted first; 0 keeps every one (archiving them
 *     is the operator's: an audit trail is not ours to delete)</td></tr>
 * <tr><td>limits.rate.per.second</td><td>1000</td><td>calls per second each caller may make on average (a token bucket per
 *     caller: its bearer token when it sends one, else its IP address); more get RESOURCE_EXHAUSTED saying the limit. 0 turns
 *     it off. Health and reflection are not limited</td></tr>
 * <tr><td>limits.rate.burst</td><td>2000</td><td>calls a caller may make at once beyond the average: the bucket's size</td></tr>
 * <tr><td>limits.connections</td><td>512</td><td>concurrent connections; more are closed as they are accepted (the client sees
 *     UNAVAILABLE and retries later). Below the usual 1,024 open files, with room for the storage's files</td></tr>
 * <tr><td>limits.calls.per.connection</td><td>128</td><td>concurrent calls per connection (HTTP/2's MAX_CONCURRENT_STREAMS):
 *     gRPC clients queue further calls until one ends</td></tr>
 * <tr><td>limits.keepalive.permit.ms</td><td>20000</td><td>shortest interval between a client's keepalive pings, and pings only
 *     while calls are open; a client pinging faster is disconnected (GOAWAY "too_many_pings")</td></tr>
 * <tr><td>limits.keepalive.ms</td><td>60000</td><td>how often the server pings a connection with calls open, to find dead peers
 *     (20 s to answer)</td></tr>
 * <tr><td>limits.connection.idle.ms</td><td>300000</td><td>a connection without calls for this long is closed (gRPC clients
 *     reconnect on their next call)</td></tr>
 * <tr><td>limits.connection.age.ms</td><td>0</td><td>a connection older than this is asked to go away (to spread clients over
 *     servers behind a balancer); 0: never</td></tr>
 * <tr><td>limits.connection.age.grace.ms</td><td>30000</td><td>how long calls in progress on such a connection may go on</td></tr>
 * <tr><td>limits.handshake.ms</td><td>10000</td><td>a new connection must finish its handshake within this, or is closed</td></tr>
 * </table>
 *
 * <p>Requests larger than {@code max.message.bytes} get RESOURCE_EXHAUSTED from the server, an {@code EnrollStream} item on its
 * own acknowledgement while the stream goes on; the transport itself reads messages up to twice the setting and ends a call
 * whose message is larger still.
 *
 * <p>Detect and Search report each face's quality and the gate's verdict under these settings, and refuse nothing.
 *
 * @param hnsw the {@code hnsw.*} settings by name, handed to the backend with the others in
 *     {@link #backendSettings()}
 * @param quality the {@code quality.*} settings: the gate every face enrolled from an image must pass
 * @param tls the {@code tls.*} settings
 * @param auth {@code auth.enabled} and {@code admin.key}
 * @param auditMaxBytes {@code audit.max.bytes}
 * @param auditMaxFiles {@code audit.max.files}
 * @param limits the {@code limits.*} settings: rate, connection and call limits
 */
public record ServerConfig(
        Path dataDir,
        String backend,
        String host,
        int port,
        String metricsHost,
        int metricsPort,
        int maxMessageBytes,
        int pipelineConcurrency,
        long pipelineWaitMillis,
        int streamWindow,
        Duration refreshInterval,
        Duration commitInterval,
        long maxIndexLag,
        Map<String, String> hnsw,
        QualityGate quality,
        TlsSettings tls,
        boolean insecure,
        AuthSettings auth,
        long auditMaxBytes,
        int auditMaxFiles,
        Limits limits) {

    /** Property names and defaults, in documentation order. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("data", "./data");
        d.put("backend", "embedded");
        d.put("host", "127.0.0.1");
        d.put("port", "50051");
        d.put("metrics.host", "127.0.0.1");
        d.put("metrics.port", "9464");
        d.put("tls.cert", "");
        d.put("tls.key", "");
        d.put("tls.client.ca", "");
        d.put("insecure", "false");
        d.put("max.message.bytes", Integer.toString(16 * 1024 * 1024));
        d.put("pipeline.concurrency", Integer.toString(Runtime.getRuntime().availableProcessors()));
        d.put("pipeline.wait.ms", "1000");
        d.put("stream.window", "256");
        d.put("refresh.ms", "500");
        d.put("commit.ms", "30000");
        d.put("index.max.lag", "1000000");
        d.put("hnsw.max.conn", "16");
        d.put("hnsw.beam.width", "100");
        d.put("hnsw.candidates", "150");
        QualityGate q = QualityGate.DEFAULT;
        d.put("quality.min.score", number(q.minScore()));
        d.put("quality.max.box.to.face", number(q.maxBoxToFace()));
        d.put("quality.min.face.px", number(q.minFacePixels()));
        d.put("quality.min.sharpness", number(q.minSharpness()));
        d.put("quality.max.yaw", number(q.maxYaw()));
        d.put("quality.max.pitch", number(q.maxPitch()));
        d.put("quality.max.roll", number(q.maxRoll()));
        d.put("auth.enabled", "true");
        d.put("admin.key", "");
        d.put("audit.max.bytes", Long.toString(64L * 1024 * 1024));
        d.put("audit.max.files", "0");
        d.put("limits.rate.per.second", "1000");
        d.put("limits.rate.burst", "2000");
        d.put("limits.connections", "512");
        d.put("limits.calls.per.connection", "128");
        d.put("limits.keepalive.permit.ms", "20000");
        d.put("limits.keepalive.ms", "60000");
        d.put("limits.connection.idle.ms", "300000");
        d.put("limits.connection.age.ms", "0");
        d.put("limits.connection.age.grace.ms", "30000");
        d.put("limits.handshake.ms", "10000");
        return Map.copyOf(d);
    }

    public ServerConfig {
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("backend must name a storage backend, e.g. embedded");
        }
        hnsw = Map.copyOf(hnsw);
        java.util.Objects.requireNonNull(quality, "quality");
        java.util.Objects.requireNonNull(tls, "tls");
        java.util.Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (metricsPort < -1 || metricsPort > 65535) {
            throw new IllegalArgumentException("metrics.port must be in [-1, 65535], got " + metricsPort);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("max.message.bytes must be at least 1024, got " + maxMessageBytes);
        }
        if (pipelineConcurrency < 1) {
            throw new IllegalArgumentException("pipeline.concurrency must be at least 1, got " + pipelineConcurrency);
        }
        if (streamWindow < 1 || streamWindow > 65536) {
            throw new IllegalArgumentException("stream.window must be in [1, 65536], got " + streamWindow);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero() || refreshInterval.toMillis() > 1000) {
            throw new IllegalArgumentException("refresh.ms must be in [1, 1000] so faces are searchable within a second, got "
                    + refreshInterval.toMillis());
        }
        if (maxIndexLag < 1) {
            throw new IllegalArgumentException("index.max.lag must be at least 1, got " + maxIndexLag);
        }
        if (commitInterval.toMillis() < 100) {
            throw new IllegalArgumentException("commit.ms must be at least 100, got " + commitInterval.toMillis());
        }
        java.util.Objects.requireNonNull(auth, "auth");
        if (auditMaxBytes < 4096) {
            throw new IllegalArgumentException("audit.max.bytes must be at least 4096, got " + auditMaxBytes);
        }
        if (auditMaxFiles < 0) {
            throw new IllegalArgumentException("audit.max.files must be 0 (keep all) or more, got " + auditMaxFiles);
        }
    }

    /** The defaults with a data directory, for tests and embedding: ephemeral ports, metrics off. */
    public static ServerConfig forTests(Path dataDir) {
        return load(null, Map.of(), Map.of("data", dataDir.toString(), "host", "127.0.0.1", "port", "0", "metrics.port", "-1"));
    }

    /**
     * Resolves every setting.
     *
     * @param file a properties file, or null
     * @param env the environment (normally {@code System.getenv()})
     * @param flags values given on the command line, by property name
     */
    public static ServerConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config file " + file, e);
            }
            for (String name : properties.stringPropertyNames()) {
                requireKnown(name, "config file " + file);
                values.put(name, properties.getProperty(name).trim());
            }
        }
        for (String name : DEFAULTS.keySet()) {
            String fromEnv = env.get(environmentName(name));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(name, fromEnv.trim());
            }
        }
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            requireKnown(flag.getKey(), "flags");
            values.put(flag.getKey(), flag.getValue());
        }
        return new ServerConfig(
                Path.of(values.get("data")),
                values.get("backend").trim(),
                values.get("host"),
                integer(values, "port"),
                values.get("metrics.host").trim(),
                integer(values, "metrics.port"),
                integer(values, "max.message.bytes"),
                integer(values, "pipeline.concurrency"),
                integer(values, "pipeline.wait.ms"),
                integer(values, "stream.window"),
                Duration.ofMillis(integer(values, "refresh.ms")),
                Duration.ofMillis(integer(values, "commit.ms")),
                integer(values, "index.max.lag"),
                Map.of("hnsw.max.conn", Integer.toString(integer(values, "hnsw.max.conn")),
                        "hnsw.beam.width", Integer.toString(integer(values, "hnsw.beam.width")),
                        "hnsw.candidates", Integer.toString(integer(values, "hnsw.candidates"))),
                qualityGate(values),
                new TlsSettings(path(values, "tls.cert"), path(values, "tls.key"), path(values, "tls.client.ca")),
                bool(values, "insecure"),
                new AuthSettings(bool(values, "auth.enabled"), java.util.Optional.of(values.get("admin.key").trim()).filter(k -> !k.isEmpty())),
                longInteger(values, "audit.max.bytes"),
                integer(values, "audit.max.files"),
                limits(values));
    }

    /** An optional file: null when the setting is empty. */
    private static Path path(Map<String, String> values, String name) {
        String v = values.get(name).trim();
        return v.isEmpty() ? null : Path.of(v);
    }

    private static boolean bool(Map<String, String> values, String name) {
        String v = values.get(name).trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + name + " must be true or false, got '" + values.get(name) + "'");
        };
    }

    private static long longInteger(Map<String, String> values, String name) {
        try {
            return Long.parseLong(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be an integer, got '" + values.get(name) + "'");
        }
    }

    private static Limits limits(Map<String, String> values) {
        return new Limits(integer(values, "limits.rate.per.second"), integer(values, "limits.rate.burst"),
                integer(values, "limits.connections"), integer(values, "limits.calls.per.connection"),
                millis(values, "limits.keepalive.permit.ms"), millis(values, "limits.keepalive.ms"),
                millis(values, "limits.connection.idle.ms"), millis(values, "limits.connection.age.ms"),
                millis(values, "limits.connection.age.grace.ms"), millis(values, "limits.handshake.ms"));
    }

    private static Duration millis(Map<String, String> values, String name) {
        return Duration.ofMillis(integer(values, name));
    }

    /** What the storage backend is opened with: the data directory and the storage settings. */
    public BackendSettings backendSettings() {
        Map<String, String> options = new HashMap<>(hnsw);
        options.put("refresh.ms", Long.toString(refreshInterval.toMillis()));
        options.put("commit.ms", Long.toString(commitInterval.toMillis()));
        options.put("index.max.lag", Long.toString(maxIndexLag));
        return new BackendSettings(dataDir, options);
    }

    /** The environment variable of a property: {@code metrics.port} -> {@code FACESEARCH_METRICS_PORT}. */
    public static String environmentName(String property) {
        return "FACESEARCH_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static void requireKnown(String name, String source) {
        if (!DEFAULTS.containsKey(name)) {
            throw new IllegalArgumentException("unknown setting '" + name + "' in " + source + "; known: " + DEFAULTS.keySet());
        }
    }

    private static QualityGate qualityGate(Map<String, String> values) {
        try {
            return new QualityGate(decimal(values, "quality.min.score"), decimal(values, "quality.max.box.to.face"),
                    decimal(values, "quality.min.face.px"), decimal(values, "quality.min.sharpness"), decimal(values, "quality.max.yaw"),
                    decimal(values, "quality.max.pitch"), decimal(values, "quality.max.roll"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("quality settings: " + e.getMessage(), e);
        }
    }

    /** A default as a property value: integers without a decimal point. */
    private static String number(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static double decimal(Map<String, String> values, String name) {
        try {
            return Double.parseDouble(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be a number, got '" + values.get(name) + "'");
        }
    }

    private static int integer(Map<String, String> values, String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be an integer, got '" + values.get(name) + "'");
        }
    }
}
