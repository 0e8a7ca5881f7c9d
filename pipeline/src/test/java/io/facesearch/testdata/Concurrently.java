package io.facesearch.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same calls on several threads at once, for the thread-safety clauses of the stage contracts. */
public final class Concurrently {
    /** Threads calling at once; more than the cores, so that calls interleave. */
    public static final int THREADS = 4;

    private Concurrently() {
    }

    /** Each call run {@code rounds} times by each of {@value #THREADS} threads; the results, call by call. */
    public static <T> List<List<T>> run(List<Callable<T>> calls, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<List<Future<T>>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                List<Future<T>> each = new ArrayList<>();
                for (int r = 0; r < rounds * THREADS; r++) {
                    each.add(pool.submit(call));
                }
                futures.add(each);
            }
            List<List<T>> results = new ArrayList<>();
            for (List<Future<T>> each : futures) {
                List<T> values = new ArrayList<>();
                for (Future<T> f : each) {
                    values.add(f.get());
                }
                results.add(values);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
