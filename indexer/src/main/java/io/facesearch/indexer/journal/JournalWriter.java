package io.facesearch.indexer.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/**
 * Appends records to a journal (layout in {@link JournalFormat}). Each record is written to the
 * file at once, so a killed process loses none that {@link #append} returned for; a syncer thread
 * then makes the writes durable with one fsync per batch (whatever was appended while the previous
 * fsync ran), so a machine that loses power loses at most the last batch, whose photos are sent
 * again and answered by the server's idempotency.
 */
public final class JournalWriter implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final Object lock = new Object();
    private final Thread syncer;
    private boolean dirty;
    private boolean closed;
    private IOException failure;

    private JournalWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.syncer = Thread.ofPlatform().name("journal-sync").daemon().unstarted(this::syncLoop);
    }

    /**
     * Opens a journal for appending: creates it with its identity lines, or continues an existing
     * one after its last complete line.
     *
     * @param validLength the existing journal's {@link JournalReader.Scan#validLength()}, or 0 for a new one
     * @param identity what the journal is about, written as "# key value" lines in a new journal
     */
    public static JournalWriter open(Path file, long validLength, Map<String, String> identity) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        JournalWriter writer = new JournalWriter(file, channel);
        try {
            // A line cut short by a crash would glue itself to the next record: cut it off.
            channel.truncate(validLength);
            channel.position(validLength);
            StringBuilder head = new StringBuilder();
            if (validLength == 0) {
                head.append(JournalFormat.MAGIC).append('\n');
                identity.forEach((k, v) -> head.append(JournalFormat.comment(k, v)));
            }
            head.append(JournalFormat.comment("run", Instant.now().toString()));
            writer.write(head.toString());
            channel.force(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        writer.syncer.start();
        return writer;
    }

    public Path file() {
        return file;
    }

    /**
     * Writes one record to the file; it is durable at the next fsync.
     *
     * @throws UncheckedIOException when the journal cannot be written (a full disk): the run must stop,
     *     since what it does next could not be remembered
     */
    public void append(JournalEntry entry) {
        synchronized (lock) {
            if (failure != null) {
                throw new UncheckedIOException("the journal " + file + " cannot be written", failure);
            }
            if (closed) {
                throw new IllegalStateException("the journal " + file + " is closed");
            }
            try {
                write(JournalFormat.encode(entry));
            } catch (IOException e) {
                failure = e;
                throw new UncheckedIOException("the journal " + file + " cannot be written", e);
            }
            dirty = true;
            lock.notifyAll();
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void syncLoop() {
        while (true) {
            synchronized (lock) {
                while (!dirty && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                dirty = false;
            }
            try {
                // Outside the lock: appends go on while the disk syncs; they form the next batch.
                channel.force(false);
            } catch (IOException e) {
                synchronized (lock) {
                    failure = e;
                }
                return;
            }
        }
    }

    /** Syncs what was appended and closes the file. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            syncer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }
}
