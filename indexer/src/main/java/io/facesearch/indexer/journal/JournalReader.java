package io.facesearch.indexer.journal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Reads a journal written by {@link JournalWriter}; see {@link JournalFormat} for the layout. */
public final class JournalReader {

    private JournalReader() {
    }

    /**
     * What a journal holds besides its records.
     *
     * @param identity the "# key value" lines, except the "run" lines
     * @param validLength bytes up to the end of the last complete line: the writer appends there
     * @param records the records read
     * @param damaged complete lines that are neither a comment nor a valid record
     */
    public record Scan(Map<String, String> identity, long validLength, long records, long damaged) {
    }

    /**
     * Hands every valid record to {@code sink}, in file order.
     *
     * @throws IOException when the file cannot be read, or is not a journal of this version
     */
    public static Scan read(Path file, Consumer<JournalEntry> sink) throws IOException {
        Map<String, String> identity = new LinkedHashMap<>();
        long valid = 0;
        long records = 0;
        long damaged = 0;
        boolean first = true;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long offset = 0;
            for (int b; (b = in.read()) != -1;) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                valid = offset;
                if (first) {
                    if (!text.equals(JournalFormat.MAGIC)) {
                        throw new IOException(file + " is not a FaceSearch index journal of version 1 (first line: '"
                                + abbreviate(text) + "')");
                    }
                    first = false;
                } else if (!text.isEmpty() && text.charAt(0) == JournalFormat.COMMENT) {
                    comment(text, identity);
                } else {
                    JournalEntry entry = JournalFormat.decode(text);
                    if (entry == null) {
                        damaged++;
                    } else {
                        records++;
                        sink.accept(entry);
                    }
                }
            }
        }
        return new Scan(identity, valid, records, damaged);
    }

    private static void comment(String text, Map<String, String> identity) {
        String[] kv = text.substring(1).strip().split(" ", 2);
        if (kv.length == 2 && !kv[0].equals("run")) {
            identity.putIfAbsent(kv[0], JournalFormat.unescape(kv[1]));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
