package io.facesearch.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one JSON object per line ({@link AuditRecord}, fields in its order) in
 * {@code <data>/audit/audit.jsonl}, rotated by size ({@link RotatingFile}). A record is written
 * before the next one starts; a write that fails is logged (the first, then every thousandth) and
 * the call it describes goes on: the log is evidence, not a gate.
 */
public final class AuditLog implements Closeable {
    /** The folder in the data directory. */
    public static final String DIRECTORY = "audit";
    /** The current file's name without {@code .jsonl}. */
    public static final String NAME = "audit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RotatingFile file;
    private final AtomicLong failures = new AtomicLong();

    private AuditLog(RotatingFile file) {
        this.file = file;
    }

    /**
     * Opens (or continues) the audit log of a data directory.
     *
     * @param maxBytes size at which the current file is rotated
     * @param maxFiles rotated files kept; 0 keeps every one
     */
    public static AuditLog open(Path dataDir, long maxBytes, int maxFiles, Clock clock) throws IOException {
        return new AuditLog(new RotatingFile(dataDir.resolve(DIRECTORY), NAME, maxBytes, maxFiles, clock));
    }

    public void write(AuditRecord record) {
        try {
            file.append((JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record is plain strings and numbers", e);
        } catch (IOException e) {
            long n = failures.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.error("audit log write failed failures={} file={}: {}", n, file.current(), e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
