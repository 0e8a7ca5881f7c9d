package io.facesearch.server.service;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The deadline of the call a thread is serving, as a plain {@link System#nanoTime()} instant. The API
 * layer sets it around each call ({@link #within}); the pipeline's gate reads it to refuse at once
 * the work it cannot finish in time ({@link PipelineGate}). It is scoped to the thread rather than
 * passed through every service method because it belongs to the call, not to any operation's
 * arguments, as gRPC's own {@code Context} does; the services stay free of gRPC's types.
 */
public final class CallDeadline {
    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    private CallDeadline() {
    }

    /**
     * Runs {@code work} with the deadline set.
     *
     * @param deadlineNanos the {@link System#nanoTime()} value by which the caller wants its answer
     */
    public static <T> T within(long deadlineNanos, Supplier<T> work) {
        long[] outer = CURRENT.get();
        CURRENT.set(new long[] {deadlineNanos});
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The deadline of the current call, in {@link System#nanoTime()} terms, or empty when it has none. */
    public static OptionalLong current() {
        long[] deadline = CURRENT.get();
        return deadline == null ? OptionalLong.empty() : OptionalLong.of(deadline[0]);
    }
}
