package io.facesearch.cli.local;

import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipeline.AnalyzedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the pipeline over many files on a thread pool and prints one result per file, in input
 * order. At most a few images per thread are in flight, so memory stays bounded on large folders.
 */
final class ImageBatchRun {
    /** Outcome for one file: an analysed image, or why it could not be read. */
    record Result(String file, AnalyzedImage image, String error) {
    }

    private ImageBatchRun() {
    }

    /** @return the number of files that failed */
    static int run(FacePipeline pipeline, List<Path> files, AnalysisOptions options, int threads,
            java.util.function.Consumer<Result> sink) throws InterruptedException {
        int failures = 0;
        int window = threads * 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Deque<Future<Result>> inFlight = new ArrayDeque<>();
            for (Path file : files) {
                inFlight.add(pool.submit(() -> analyze(pipeline, file, options)));
                if (inFlight.size() >= window) {
                    failures += emit(inFlight.poll(), sink);
                }
            }
            while (!inFlight.isEmpty()) {
                failures += emit(inFlight.poll(), sink);
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    private static int emit(Future<Result> future, java.util.function.Consumer<Result> sink)
            throws InterruptedException {
        try {
            Result r = future.get();
            sink.accept(r);
            return r.error() == null ? 0 : 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException("pipeline failed: " + e.getCause(), e.getCause());
        }
    }

    static Result analyze(FacePipeline pipeline, Path file, AnalysisOptions options) {
        String name = file.toString();
        try {
            return new Result(name, pipeline.analyze(Files.readAllBytes(file), options), null);
        } catch (IOException e) {
            return new Result(name, null, "cannot read file: " + e.getMessage());
        } catch (InvalidImageException e) {
            return new Result(name, null, e.getMessage());
        }
    }

    /** Human-readable line for a result. */
    static void printText(Result r, PrintStream out, PrintStream err) {
        if (r.error() != null) {
            err.println(r.file() + ": " + r.error());
            return;
        }
        StringBuilder line = new StringBuilder(r.file()).append("  ").append(r.image().width()).append('x')
                .append(r.image().height()).append("  faces: ").append(r.image().faces().size());
        for (var f : r.image().faces()) {
            line.append(String.format("  [%.0f,%.0f %.0fx%.0f score %.2f", f.box().x(), f.box().y(), f.box().width(),
                    f.box().height(), f.score()));
            if (f.expressions() != null) {
                line.append(' ').append(f.expressions().dominant().label());
            }
            line.append(']');
        }
        out.println(line);
    }
}
