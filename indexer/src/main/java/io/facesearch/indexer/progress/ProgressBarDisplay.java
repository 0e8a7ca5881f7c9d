package io.facesearch.indexer.progress;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr: photos done of the photos to do, photos/s, ETA, and faces with their
 * rate. Photos skipped (done before, duplicates) leave the total rather than count as done, so the
 * rate and the ETA describe the real work.
 */
public final class ProgressBarDisplay implements Progress {
    /** Four redraws a second: smooth enough, and nothing next to a photo's analysis. */
    private static final int REDRAW_MILLIS = 250;
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
    public static ProgressBarDisplay on(PrintWriter err) {
        Consumer<String> line = text -> {
            err.print('\r');
            err.print(text);
            err.flush();
        };
        // On a terminal the library sizes the bar to its width; a bar forced into a log gets a fixed one.
        DelegatingProgressBarConsumer draw = onTerminal()
                ? new DelegatingProgressBarConsumer(line) : new DelegatingProgressBarConsumer(line, LOG_WIDTH);
        ProgressBar bar = new ProgressBarBuilder().setTaskName("indexing").setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS).showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUnit(" photos", 1)
                .setConsumer(new EndingLine(draw, err)).build();
        return new ProgressBarDisplay(bar);
    }

    /** True when a person is watching: the standard streams are a terminal. */
    public static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 System.console() may be a console on a pipe too; isTerminal() says which.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
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

    /** Ends the bar's line when it closes, so what follows starts on a line of its own. */
    private record EndingLine(DelegatingProgressBarConsumer consumer, PrintWriter err) implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return consumer.getMaxRenderedLength();
        }

        @Override
        public void accept(String rendered) {
            consumer.accept(rendered);
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
