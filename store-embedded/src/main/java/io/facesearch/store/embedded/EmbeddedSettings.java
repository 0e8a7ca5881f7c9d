package io.facesearch.store.embedded;

import io.facesearch.store.BackendSettings;
import io.facesearch.store.embedded.hnsw.HnswSettings;
import java.time.Duration;

/**
 * The embedded backend's settings, read from the server's storage options.
 *
 * @param refreshInterval how often new faces are made searchable ({@code refresh.ms})
 * @param commitInterval how often indexes are committed and the change log trimmed ({@code commit.ms})
 * @param maxIndexLag acknowledged changes an index may be behind before writers wait ({@code index.max.lag})
 * @param hnsw graph and search parameters ({@code hnsw.max.conn}, {@code hnsw.beam.width}, {@code hnsw.candidates})
 */
public record EmbeddedSettings(Duration refreshInterval, Duration commitInterval, long maxIndexLag, HnswSettings hnsw) {
    public static final EmbeddedSettings DEFAULT = new EmbeddedSettings(Duration.ofMillis(500), Duration.ofSeconds(30), 1_000_000,
            HnswSettings.DEFAULT);

    public EmbeddedSettings {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refresh.ms must be positive, got " + refreshInterval.toMillis());
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commit.ms must be positive, got " + commitInterval.toMillis());
        }
        if (maxIndexLag < 1) {
            throw new IllegalArgumentException("index.max.lag must be at least 1, got " + maxIndexLag);
        }
    }

    static EmbeddedSettings from(BackendSettings settings) {
        HnswSettings d = HnswSettings.DEFAULT;
        return new EmbeddedSettings(
                Duration.ofMillis(settings.option("refresh.ms", DEFAULT.refreshInterval().toMillis())),
                Duration.ofMillis(settings.option("commit.ms", DEFAULT.commitInterval().toMillis())),
                settings.option("index.max.lag", DEFAULT.maxIndexLag()),
                new HnswSettings((int) settings.option("hnsw.max.conn", d.maxConn()), (int) settings.option("hnsw.beam.width", d.beamWidth()),
                        (int) settings.option("hnsw.candidates", d.candidates()), d.quantizedOversample()));
    }
}
