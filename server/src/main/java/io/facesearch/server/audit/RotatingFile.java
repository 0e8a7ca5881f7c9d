package io.facesearch.server.audit;

import io.facesearch.server.security.OwnerOnlyFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * An append-only file that rotates by size: {@code <dir>/<name>.jsonl} is written, and once the
 * next line would take it past {@code maxBytes} it is renamed {@code <name>-<UTC time>-<nnn>.jsonl} and a
 * new one begun; the oldest rotated files beyond {@code maxFiles} are deleted (0 keeps them all).
 * Every file is mode 0600 in a 0700 directory, and each line is handed to the operating system as
 * it is written, so a killed server loses none (a power cut may lose the last ones: lines are not
 * synced, which would cost a disk flush per search).
 *
 * <p>Written here rather than with a logging framework's rolling appender: the application's SLF4J
 * binding is slf4j-simple, and Logback or Log4j would replace it or sit beside it for one file.
 */
final class RotatingFile implements Closeable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String name;
    private final long maxBytes;
    private final int maxFiles;
    private final Clock clock;
    private FileChannel out;
    private long size;

    RotatingFile(Path dir, String name, long maxBytes, int maxFiles, Clock clock) throws IOException {
        this.dir = OwnerOnlyFiles.directory(dir);
        this.name = name;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.clock = clock;
        open();
    }

    Path current() {
        return dir.resolve(name + ".jsonl");
    }

    private void open() throws IOException {
        out = OwnerOnlyFiles.append(current());
        size = out.size();
    }

    /** Appends one line (with its newline), rotating first if it would not fit. */
    synchronized void append(byte[] line) throws IOException {
        if (size > 0 && size + line.length > maxBytes) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            size += out.write(buffer);
        }
    }

    private void rotate() throws IOException {
        out.close();
        String stamp = STAMP.format(clock.instant());
        // A counter after the newest file of the same millisecond breaks ties; zero-padded, so names still sort by age.
        String prefix = name + "-" + stamp + "-";
        int n = 0;
        for (Path p : rotatedFiles()) {
            String f = p.getFileName().toString();
            String counter = f.startsWith(prefix) ? f.substring(prefix.length(), f.length() - ".jsonl".length()) : "";
            if (counter.matches("\\d{1,9}")) {
                n = Math.max(n, Integer.parseInt(counter) + 1);
            }
        }
        Path rotated = dir.resolve(String.format("%s%03d.jsonl", prefix, n));
        Files.move(current(), rotated);
        open();
        if (maxFiles > 0) {
            List<Path> old = rotatedFiles();
            for (int i = 0; i < old.size() - maxFiles; i++) {
                Files.deleteIfExists(old.get(i));
            }
        }
    }

    /** The rotated files, oldest first (their names sort by time). */
    List<Path> rotatedFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String f = p.getFileName().toString();
                return f.startsWith(name + "-") && f.endsWith(".jsonl");
            }).sorted().toList();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
