package io.facesearch.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a backend is opened with.
 *
 * @param dataDir the directory the backend owns (its files, or its local state)
 * @param options the server's storage settings by property name (e.g. {@code refresh.ms},
 *     {@code hnsw.max.conn}); a backend reads those it knows and ignores the rest
 * @param clock the time of creation stamps
 */
public record BackendSettings(Path dataDir, Map<String, String> options, Clock clock) {
    public BackendSettings {
        options = Map.copyOf(options);
    }

    public BackendSettings(Path dataDir, Map<String, String> options) {
        this(dataDir, options, Clock.systemUTC());
    }

    /** An integer option, or {@code fallback} when it is not set. */
    public long option(String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be an integer, got '" + value + "'");
        }
    }
}
