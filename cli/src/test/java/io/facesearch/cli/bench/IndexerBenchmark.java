package io.facesearch.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facesearch.cli.index.IndexCommand;
import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.client.testing.TestServer;
import io.facesearch.testdata.SharedPipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Indexes LFW with {@code --dry-run} (the pipeline alone) and for real (into a server on
 * localhost, in this JVM), and prints photos/s and faces/s of each: the real run should be within
 * 10 % of the dry run, the server and the stream not being the bottleneck.
 *
 * <pre>
 * bin/mvn -B -pl indexer -am -DskipTests verify -Dbench.indexer [-Dbench.photos=2000] [-Dbench.threads=2] [-Dbench.rounds=2]
 * </pre>
 *
 * <p>Every run uses the same pipeline, loaded once and warmed up on 50 photos first; each real run
 * starts with an empty collection and journal. With several rounds, dry and real runs alternate.
 */
public final class IndexerBenchmark {
    private static final int WARM_UP_PHOTOS = 50;

    private IndexerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int photos = intArg(args, "--photos", 0);
        int threads = intArg(args, "--threads", 0);
        int rounds = Math.max(1, intArg(args, "--rounds", 1));
        if (threads == 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        Path lfw = SharedPhotos.locate();
        if (lfw == null) {
            System.out.println("../shared/faces/lfw is not present: nothing to benchmark");
            return;
        }
        Path work = Files.createTempDirectory("indexer-bench");
        try {
            Path input = photos == 0 ? lfw : linkFirst(lfw, photos, work.resolve("subset"));
            Path warmUp = linkFirst(lfw, WARM_UP_PHOTOS, work.resolve("warm-up"));
            System.out.printf("input %s (%s photos), %d threads, %d cores%n", input, photos == 0 ? "all" : photos, threads,
                    Runtime.getRuntime().availableProcessors());
            run(work, "warm-up", "--dry-run", "--threads", Integer.toString(threads), warmUp.toString());

            List<String[]> rows = new ArrayList<>();
            double drySum = 0;
            double realSum = 0;
            try (TestServer server = TestServer.withoutPipeline(work.resolve("server"))) {
                // Alternating rounds, so that a change in the machine's load falls on both kinds alike.
                for (int round = 1; round <= rounds; round++) {
                    String load = loadAverage();
                    JsonNode dry = run(work, "dry-" + round, "--dry-run", "--threads", Integer.toString(threads), input.toString());
                    rows.add(row("dry run " + round, dry, load, loadAverage()));
                    drySum += dry.path("imagesPerSecond").asDouble();
                    load = loadAverage();
                    JsonNode real = run(work, "real-" + round, "--server", server.target(), "-c", "bench-" + round, "--create",
                            "--journal", work.resolve("journals").toString(), "--threads", Integer.toString(threads), input.toString());
                    rows.add(row("real " + round, real, load, loadAverage()));
                    realSum += real.path("imagesPerSecond").asDouble();
                }
            }
            System.out.println();
            System.out.println("| run | photos | faces | seconds | photos/s | faces/s | load before / after |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
            rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
            double ratio = realSum / drySum;
            System.out.printf(Locale.ROOT, "%nmean photos/s: dry %.2f, real %.2f; real / dry %.3f (%+.1f %%)%n", drySum / rounds,
                    realSum / rounds, ratio, (ratio - 1) * 100);
        } finally {
            delete(work);
        }
        System.exit(0);
    }

    private static JsonNode run(Path work, String name, String... args) throws IOException {
        Path report = work.resolve(name + ".json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(0, List.of("--quiet", "--report", report.toString()));
        CommandLine cli = new CommandLine(new IndexCommand(SharedPipeline::view));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(all.toArray(String[]::new));
        if (status != 0 && status != 3) {
            throw new IllegalStateException(name + " run failed with status " + status + ": " + err);
        }
        return new ObjectMapper().readTree(report.toFile());
    }

    private static String[] row(String name, JsonNode r, String loadBefore, String loadAfter) {
        return new String[] {name, Long.toString(r.path("imagesProcessed").asLong()), Long.toString(r.path("facesEnrolled").asLong()),
            fmt(r.path("durationSeconds").asDouble()), fmt(r.path("imagesPerSecond").asDouble()),
            fmt(r.path("facesPerSecond").asDouble()), loadBefore + " / " + loadAfter};
    }

    /** Links to the first photos of LFW, in LFW's layout: cheap, and the indexer follows links to files. */
    private static Path linkFirst(Path lfw, int count, Path target) throws IOException {
        for (Path p : SharedPhotos.first(lfw, count)) {
            Path to = target.resolve(p.getParent().getFileName().toString()).resolve(p.getFileName().toString());
            Files.createDirectories(to.getParent());
            Files.createSymbolicLink(to, p);
        }
        return target;
    }

    /** The 1-minute load average, from /proc (Linux), or "?". */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
