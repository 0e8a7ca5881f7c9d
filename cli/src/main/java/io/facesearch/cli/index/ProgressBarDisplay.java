package io.facesearch.cli.index;

import io.facesearch.cli.TerminalBar;
import io.facesearch.indexer.progress.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;

/**
 * A progress bar on stderr: photos done of the photos to do, photos/s, ETA, and faces with their
 * rate. Photos skipped (done before, duplicates) leave the total rather than count as done, so the
 * rate and the ETA describe the real work.
 */
final class ProgressBarDisplay implements Progress {
    /** Characters of a bar drawn into a log rather than a terminal. */
    private static final int LOG_WIDTH = 110;

    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private final AtomicLong faces = new AtomicLong();
    private long total = -1;
    private long skipped;

    private ProgressBarDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar drawn on {@code err}, sized to the terminal when there is one. */
    static ProgressBarDisplay on(PrintWriter err) {
        return new ProgressBarDisplay(TerminalBar.on(err, "indexing", "photos", -1, LOG_WIDTH));
    }

    @Override
    public synchronized void total(long photos) {
        total = photos;
        bar.maxHint(Math.max(0, total - skipped));
    }

    @Override
    public synchronized void skipped() {
        skipped++;
        if (total >= 0) {
            bar.maxHint(Math.max(0, total - skipped));
        }
    }

    @Override
    public void done(int photoFaces) {
        long n = faces.addAndGet(photoFaces);
        double seconds = Math.max(1e-3, Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
        synchronized (this) {
            bar.setExtraMessage("%d faces, %.1f faces/s".formatted(n, n / seconds));
            bar.step();
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}
