package io.facesearch.indexer.journal;

import io.facesearch.indexer.identity.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The journal file, version 1: UTF-8 text, one line per record, each ended by a line feed (0x0A).
 *
 * <pre>
 * facesearch-index-journal 1                 the first line: magic and format version
 * # input /data/archive.zip                  '#' lines: what the journal is about (the run's
 * # collection staff                           identity, one "# key value" per line) and
 * # run 2025-01-31T10:15:30Z                   when each run started; not records
 * 1c291ca3 E 9f86d0...(64 hex) 1 alice/1.jpg   a record, five fields separated by one space:
 * 0a4f77e1 N 3a7bd3...(64 hex) 0 bob/2.png
 * </pre>
 *
 * <ol>
 * <li>CRC-32 (IEEE, as {@link CRC32}) of the UTF-8 bytes after this field and its space up to,
 *     not including, the line feed: 8 lower-case hex digits;</li>
 * <li>the outcome: {@code E} enrolled (every selected face acknowledged), {@code N} no face found;</li>
 * <li>the photo's SHA-256: 64 lower-case hex digits;</li>
 * <li>the number of faces enrolled, in decimal: 1 or more for {@code E}, 0 for {@code N};</li>
 * <li>the photo's path in the input, to the end of the line, with {@code \} written {@code \\}, a
 *     line feed {@code \n} and a carriage return {@code \r}.</li>
 * </ol>
 *
 * <p>Records are only appended. A line without its line feed at the end of the file (a write cut
 * short by a crash) is dropped and cut off before new records are appended; a line whose CRC does
 * not match is skipped, so at worst a damaged record's photo is sent again, which the server's
 * idempotency answers without storing it twice.
 */
public final class JournalFormat {
    /** The first line of every journal of this version. */
    public static final String MAGIC = "facesearch-index-journal 1";
    static final char COMMENT = '#';

    private JournalFormat() {
    }

    /** A record's line, with its line feed. */
    static String encode(JournalEntry e) {
        String body = e.outcome().code + " " + e.photo().hex() + " " + e.faces() + " " + escape(e.path());
        return crc(body) + " " + body + "\n";
    }

    /** The record of a line (without its line feed), or null when the line is damaged. */
    static JournalEntry decode(String line) {
        int space = line.indexOf(' ');
        if (space != 8 || !crc(line.substring(space + 1)).equals(line.substring(0, space))) {
            return null;
        }
        String[] f = line.substring(space + 1).split(" ", 4);
        if (f.length != 4 || f[0].length() != 1) {
            return null;
        }
        try {
            JournalEntry.Outcome outcome = JournalEntry.Outcome.of(f[0].charAt(0));
            if (outcome == null) {
                return null;
            }
            return new JournalEntry(outcome, ContentHash.parse(f[1]), Integer.parseInt(f[2]), unescape(f[3]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A '#' line. */
    static String comment(String key, String value) {
        return COMMENT + " " + key + " " + escape(value) + "\n";
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return "%08x".formatted(crc.getValue());
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char next = s.charAt(++i);
            b.append(switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return b.toString();
    }
}
