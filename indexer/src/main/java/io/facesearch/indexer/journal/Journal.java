package io.facesearch.indexer.journal;

import io.facesearch.indexer.identity.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The journal of one indexing job: which photos are done, and where to record the next ones. A
 * job is identified by what decides its outcome (input, server, collection, labels, face
 * selection); each job has its own file in the journal folder, named after the input and the
 * collection with a digest of the identity, so two jobs never share a journal and the same command
 * run again finds its own.
 */
public final class Journal implements AutoCloseable {
    /** Characters of the identity digest in the file name: 48 bits, no collision among a folder's jobs. */
    private static final int DIGEST_HEX = 12;

    private final JournalWriter writer;
    private final Set<ContentHash> done;
    private final JournalReader.Scan previous;

    private Journal(JournalWriter writer, Set<ContentHash> done, JournalReader.Scan previous) {
        this.writer = writer;
        this.done = done;
        this.previous = previous;
    }

    /** The journal file of a job, in {@code folder}. */
    public static Path fileFor(Path folder, String inputName, String collection, Map<String, String> identity) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        // Sorted, so that the same identity names the same file however its map was built.
        new TreeMap<>(identity).forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        String digest = HexFormat.of().formatHex(sha.digest()).substring(0, DIGEST_HEX);
        return folder.resolve(plain(inputName) + "." + plain(collection) + "." + digest + ".journal");
    }

    /** Opens a job's journal, reading what an earlier run recorded. */
    public static Journal open(Path file, Map<String, String> identity) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Set<ContentHash> done = new HashSet<>();
        JournalReader.Scan scan = new JournalReader.Scan(Map.of(), 0, 0, 0);
        if (Files.exists(file) && Files.size(file) > 0) {
            scan = JournalReader.read(file, e -> done.add(e.photo()));
            if (!scan.identity().equals(identity)) {
                throw new IOException(file + " is the journal of another job: " + scan.identity() + ", not " + identity);
            }
        }
        return new Journal(JournalWriter.open(file, scan.validLength(), identity), done, scan);
    }

    public Path file() {
        return writer.file();
    }

    /** The photos done by earlier runs, by content hash. Not changed by appends. */
    public Set<ContentHash> done() {
        return done;
    }

    /** What the earlier runs left: records and damaged lines. */
    public JournalReader.Scan previous() {
        return previous;
    }

    public void append(JournalEntry entry) {
        writer.append(entry);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** A name reduced to characters every file system takes. */
    private static String plain(String name) {
        String p = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return p.length() > 60 ? p.substring(0, 60) : p;
    }
}
