package io.facesearch.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar every command draws (enrol, index): ASCII, with
 * a rate per second and an ETA, redrawn four times a second on stderr.
 */
public final class TerminalBar {
    /** Four redraws a second: smooth enough, and nothing next to a photo's analysis. */
    private static final int REDRAW_MILLIS = 250;

    private TerminalBar() {
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

    /**
     * A bar on {@code err}, sized to the terminal when there is one and {@code logWidth} characters
     * wide when forced into a log.
     *
     * @param task what is counted, shown before the bar
     * @param unit what one step is, for the rate ("photos" gives "12.3 photos/s")
     * @param total steps to do, or -1 while unknown
     */
    public static ProgressBar on(PrintWriter err, String task, String unit, long total, int logWidth) {
        Consumer<String> line = text -> {
            err.print('\r');
            err.print(text);
            err.flush();
        };
        DelegatingProgressBarConsumer draw = onTerminal()
                ? new DelegatingProgressBarConsumer(line) : new DelegatingProgressBarConsumer(line, logWidth);
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS).showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUnit(" " + unit, 1)
                .setConsumer(new EndingLine(draw, err)).build();
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
