package io.facesearch.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.facesearch.store.embedded.EmbeddedSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaults() {
        ServerConfig c = ServerConfig.load(null, Map.of(), Map.of());
        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals(50051, c.port());
        assertEquals(16 * 1024 * 1024, c.maxMessageBytes());
        assertEquals(500, c.refreshInterval().toMillis());
        assertEquals(1_000_000, c.maxIndexLag());
        assertEquals("embedded", c.backend());
    }

    @Test
    void theBackendGetsTheStorageSettings() {
        ServerConfig c = ServerConfig.load(null, Map.of("FACESEARCH_BACKEND", "other"), Map.of("data", "/d", "hnsw.candidates", "300"));
        assertEquals("other", c.backend());
        var settings = c.backendSettings();
        assertEquals(Path.of("/d"), settings.dataDir());
        assertEquals(300, settings.option("hnsw.candidates", 0));
        assertEquals(500, settings.option("refresh.ms", 0));
        assertEquals(1_000_000, settings.option("index.max.lag", 0));
        assertEquals(16, settings.option("hnsw.max.conn", 0));
    }

    @Test
    void flagsOverrideEnvironmentWhichOverridesTheFile() throws IOException {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, "port=1000\nmetrics.port=1001\ndata=/from/file\nstream.window=64\n");
        Map<String, String> env = Map.of("FACESEARCH_PORT", "2000", "FACESEARCH_METRICS_PORT", "2001");
        ServerConfig c = ServerConfig.load(file, env, Map.of("port", "3000"));
        assertEquals(3000, c.port());
        assertEquals(2001, c.metricsPort());
        assertEquals(Path.of("/from/file"), c.dataDir());
        assertEquals(64, c.streamWindow());
        assertEquals("FACESEARCH_MAX_MESSAGE_BYTES", ServerConfig.environmentName("max.message.bytes"));
    }

    @Test
    void qualitySettingsDefaultToTheMeasuredGateAndCanBeChanged() {
        assertEquals(io.facesearch.quality.QualityGate.DEFAULT, ServerConfig.load(null, Map.of(), Map.of()).quality());
        ServerConfig c = ServerConfig.load(null, Map.of("FACESEARCH_QUALITY_MAX_YAW", "30"),
                Map.of("quality.min.score", "0.8", "quality.min.face.px", "64", "quality.min.sharpness", "12.5"));
        assertEquals(0.8, c.quality().minScore());
        assertEquals(64, c.quality().minFacePixels());
        assertEquals(12.5, c.quality().minSharpness());
        assertEquals(30, c.quality().maxYaw());
        String message = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.load(null, Map.of(), Map.of("quality.min.score", "2"))).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.startsWith("quality settings: minimum score"), message);
        message = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.load(null, Map.of(), Map.of("quality.max.roll", "level"))).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.contains("quality.max.roll"), message);
    }

    @Test
    void refusesUnknownAndInvalidSettingsByName() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "prot=1\n");
        String message = assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(file, Map.of(), Map.of())).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.startsWith("unknown setting 'prot' in config file"), message);
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of(), Map.of("port", "x")));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of(), Map.of("refresh.ms", "5000")));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of(), Map.of("port", "70000")));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of(), Map.of("index.max.lag", "0")));
    }

    /**
     * The server documents and validates the storage settings, the embedded backend applies them:
     * their defaults are written in both places (the server cannot import the engine), so this
     * ties them together.
     */
    @Test
    void theStorageDefaultsAreTheEmbeddedBackendsOwn() {
        EmbeddedSettings backend = EmbeddedSettings.DEFAULT;
        Map<String, String> server = ServerConfig.load(null, Map.of(), Map.of()).backendSettings().options();
        assertEquals(Long.toString(backend.refreshInterval().toMillis()), server.get("refresh.ms"));
        assertEquals(Long.toString(backend.commitInterval().toMillis()), server.get("commit.ms"));
        assertEquals(Long.toString(backend.maxIndexLag()), server.get("index.max.lag"));
        assertEquals(Integer.toString(backend.hnsw().maxConn()), server.get("hnsw.max.conn"));
        assertEquals(Integer.toString(backend.hnsw().beamWidth()), server.get("hnsw.beam.width"));
        assertEquals(Integer.toString(backend.hnsw().candidates()), server.get("hnsw.candidates"));
    }

    @Test
    void limitsHaveGenerousDefaultsAndAreChecked() {
        Limits l = ServerConfig.load(null, Map.of(), Map.of()).limits();
        assertEquals(1000, l.ratePerSecond());
        assertEquals(2000, l.rateBurst());
        assertEquals(512, l.connections());
        assertEquals(128, l.callsPerConnection());
        assertEquals(java.time.Duration.ZERO, l.connectionAge());
        Limits set = ServerConfig.load(null, Map.of("FACESEARCH_LIMITS_RATE_PER_SECOND", "0"), Map.of("limits.connections", "7")).limits();
        assertEquals(false, set.rateLimited());
        assertEquals(7, set.connections());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.load(null, Map.of(), Map.of("limits.rate.burst", "0")));
        assertEquals("limits.rate.burst must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of(), Map.of("limits.handshake.ms", "0")));
    }
}
