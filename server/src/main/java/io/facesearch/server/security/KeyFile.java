package io.facesearch.server.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The key store: {@code <data>/keys.jsonl}, mode 0600, one JSON object per key, oldest first:
 *
 * <pre>
 * {"id":"k3f9c2a1b7d4e6f80","name":"ci","scopes":["search:people"],"sha256":"&lt;64 hex digits&gt;",
 *  "createTime":"2026-12-04T20:55:00Z","expireTime":null,"revokeTime":null}
 * </pre>
 *
 * {@code sha256} is the hash of the secret's UTF-8 bytes; times are ISO-8601 instants, null when
 * absent. Keys are few and change rarely, so every change rewrites the whole file atomically
 * ({@link OwnerOnlyFiles#replace}): a crash leaves the keys as they were before or after it.
 * The file lives in the data directory, beside the storage backend's files but outside the
 * storage seam: keys belong to the server, not to a collection, and need no backend.
 */
final class KeyFile {
    static final String NAME = "keys.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A key and the hash of its secret. */
    record Entry(ApiKey key, String sha256) {
    }

    /** One line of the file. */
    record Line(String id, String name, List<String> scopes, String sha256, String createTime, String expireTime, String revokeTime) {
    }

    private final Path file;

    KeyFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    Path path() {
        return file;
    }

    /** Every key stored; none when the file does not exist. A file that cannot be read stops the server rather than losing keys. */
    List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        int number = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            try {
                Line line = JSON.readValue(text, Line.class);
                ApiKey key = new ApiKey(line.id(), line.name(), line.scopes().stream().map(Scope::parse).toList(),
                        Instant.parse(line.createTime()), instant(line.expireTime()), instant(line.revokeTime()));
                entries.add(new Entry(key, line.sha256()));
            } catch (JsonProcessingException | RuntimeException e) {
                throw new IOException("the key store " + file + " is damaged at line " + number + " (" + e.getMessage()
                        + "); restore it from a backup, or move it away to start with a new bootstrap key", e);
            }
        }
        return entries;
    }

    void write(List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            ApiKey k = e.key();
            text.append(JSON.writeValueAsString(new Line(k.id(), k.name(), k.scopes().stream().map(Scope::toString).toList(),
                    e.sha256(), k.createTime().toString(), string(k.expireTime()), string(k.revokeTime())))).append('\n');
        }
        OwnerOnlyFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
