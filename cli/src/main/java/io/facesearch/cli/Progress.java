package io.facesearch.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;

/** A progress bar with rate and ETA on stderr, or nothing. Steps may come from any thread. */
public final class Progress implements AutoCloseable {
    /** Characters of a bar drawn into a log rather than a terminal. */
    private static final int LOG_WIDTH = 100;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** No bar. */
    public static Progress none() {
        return new Progress(null);
    }

    /**
     * A bar of {@code total} steps drawn on {@code err}.
     *
     * @param task what is counted, shown before the bar
     * @param unit what one step is, for the rate ("photos" gives "12.3 photos/s")
     */
    public static Progress bar(String task, String unit, long total, PrintWriter err) {
        return new Progress(TerminalBar.on(err, task, unit, total, LOG_WIDTH));
    }

    public boolean visible() {
        return bar != null;
    }

    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
