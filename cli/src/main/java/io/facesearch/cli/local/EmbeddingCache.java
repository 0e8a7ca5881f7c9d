package io.facesearch.cli.local;

import io.facesearch.face.Embedding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The main-face descriptors of photos, kept in a file between measurement runs so that a protocol
 * run again (with other distractors, say) embeds only the photos it has not seen. One line per photo:
 * its real path, a tab, then the descriptor's components separated by spaces, or {@code -} when the
 * pipeline found no face. The file is written whole to a temporary sibling and moved into place, so
 * an interrupted run leaves the previous file intact.
 */
final class EmbeddingCache {
    private static final String NO_FACE = "-";

    private final Path file;
    private final Map<String, Optional<Embedding>> entries = new LinkedHashMap<>();

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    static EmbeddingCache open(Path file) throws IOException {
        EmbeddingCache cache = new EmbeddingCache(file);
        if (file != null && Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                String value = line.substring(tab + 1).trim();
                cache.entries.put(line.substring(0, tab), value.equals(NO_FACE) ? Optional.empty()
                        : Optional.of(parse(value)));
            }
        }
        return cache;
    }

    /** The cached outcome for a photo: absent when never embedded; empty Optional when no face. */
    Optional<Optional<Embedding>> get(Path photo) throws IOException {
        return Optional.ofNullable(entries.get(key(photo)));
    }

    void put(Path photo, Embedding embedding) throws IOException {
        entries.put(key(photo), Optional.ofNullable(embedding));
    }

    /** Writes the file (nothing when the cache was opened without one). */
    void save() throws IOException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Optional<Embedding>> e : entries.entrySet()) {
                out.write(e.getKey());
                out.write('\t');
                out.write(e.getValue().map(EmbeddingCache::format).orElse(NO_FACE));
                out.write('\n');
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The same photo reached through a link or a relative path is one entry. */
    private static String key(Path photo) throws IOException {
        return photo.toRealPath().toString();
    }

    private static String format(Embedding e) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < e.dimension(); i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(e.get(i));
        }
        return s.toString();
    }

    private static Embedding parse(String value) {
        String[] parts = value.split(" ");
        float[] v = new float[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return new Embedding(v);
    }
}
