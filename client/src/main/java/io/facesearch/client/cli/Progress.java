package io.facesearch.client.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on stderr, or nothing: a log or a pipe gets no bar. Steps may
 * come from any thread.
 */
final class Progress implements AutoCloseable {
    /** Redraws four times a second: smooth enough, and cheap next to a photo's analysis. */
    private static final int REDRAW_MILLIS = 250;
    /** Characters of a bar drawn into a log rather than a terminal. */
    private static final int LOG_WIDTH = 100;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** No bar. */
    static Progress none() {
        return new Progress(null);
    }

    /**
     * A bar of {@code total} steps drawn on {@code err}.
     *
     * @param task what is counted, shown before the bar
     * @param unit what one step is, for the rate ("photos" gives "12.3 photos/s")
     */
    static Progress bar(String task, String unit, long total, PrintWriter err) {
        Consumer<String> draw = line -> {
            err.print('\r');
            err.print(line);
            err.flush();
        };
        // On a terminal the library sizes the bar to its width; a forced bar in a log gets a fixed one.
        DelegatingProgressBarConsumer consumer = onTerminal()
                ? new DelegatingProgressBarConsumer(draw) : new DelegatingProgressBarConsumer(draw, LOG_WIDTH);
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS).showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUnit(" " + unit, 1)
                .setConsumer(new Finishing(consumer, err)).build();
        return new Progress(bar);
    }

    /** True when a person is watching: the standard streams are a terminal. */
    static boolean onTerminal() {
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

    boolean visible() {
        return bar != null;
    }

    void step() {
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

    /** Ends the bar's line when it closes, so what follows starts on a line of its own. */
    private record Finishing(DelegatingProgressBarConsumer consumer, PrintWriter err)
            implements me.tongfei.progressbar.ProgressBarConsumer {
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
