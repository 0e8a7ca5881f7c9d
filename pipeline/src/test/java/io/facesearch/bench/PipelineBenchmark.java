package io.facesearch.bench;

import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.DefaultFacePipeline;
import io.facesearch.pipeline.PipelineStage;
import io.facesearch.pipeline.StageObserver;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Throughput of the face pipeline over a folder of photos: images/s and faces/s with 1 thread and
 * with N threads (detection, landmarks and embeddings; the work of {@code facesearch embed}).
 * Images are read into memory first so that disk speed does not count.
 *
 * <p>Run: {@code bin/mvn -B -q -pl pipeline -am -DskipTests verify -Dbench.pipeline -Dbench.images=DIR [-Dbench.limit=N]}
 */
public final class PipelineBenchmark {

    public static void main(String[] args) throws Exception {
        String configured = System.getProperty("bench.images");
        Path shared = io.facesearch.testdata.SharedData.locate();
        if (configured == null && shared == null) {
            throw new IllegalStateException("give -Dbench.images=DIR (../shared/faces/lfw is not on this machine)");
        }
        Path dir = configured != null ? Path.of(configured) : shared.resolve("faces/lfw");
        int limit = Integer.getInteger("bench.limit", 1000);
        int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
        String align = System.getProperty("bench.align", "dlib");
        List<byte[]> images = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(limit).toList()) {
                images.add(Files.readAllBytes(p));
            }
        }
        PipelineSettings chosen = align.equals("faceapi") ? PipelineSettings.ORIGINAL : PipelineSettings.DEFAULT;
        // -Dbench.level=false: the same without the levelled second landmark reading, to weigh its cost.
        boolean level = Boolean.parseBoolean(System.getProperty("bench.level", Boolean.toString(chosen.levelledLandmarks())));
        PipelineSettings settings = new PipelineSettings(chosen.detector(), chosen.aligner(), chosen.views(),
                chosen.mirroredLandmarks(), level);
        System.out.printf("pipeline benchmark: %d images from %s, alignment %s, levelled landmarks %s, %d cores%n",
                images.size(), dir, align, level ? "on" : "off", Runtime.getRuntime().availableProcessors());
        Map<PipelineStage, LongAdder> stageNanos = new EnumMap<>(PipelineStage.class);
        for (PipelineStage s : PipelineStage.values()) {
            stageNanos.put(s, new LongAdder());
        }
        // Stage timings are counted for the single-thread run only.
        AtomicReference<StageObserver> timing = new AtomicReference<>(StageObserver.NONE);
        try (DefaultFacePipeline pipeline = FacePipelines.open(settings, 1,
                (stage, nanos) -> timing.get().stageCompleted(stage, nanos))) {
            run(pipeline, images.subList(0, Math.min(20, images.size())), 1, "warm-up");
            timing.set((stage, nanos) -> stageNanos.get(stage).add(nanos));
            run(pipeline, images, 1, "1 thread");
            StringBuilder stages = new StringBuilder("1 thread, ms per image by stage:");
            stageNanos.forEach((stage, total) -> stages.append(String.format(" %s %.1f", stage.label(),
                    total.sum() / 1e6 / images.size())));
            System.out.println(stages);
            timing.set(StageObserver.NONE);
            run(pipeline, images, threads, threads + " threads");
        }
    }

    private static void run(FacePipeline pipeline, List<byte[]> images, int threads, String label) throws Exception {
        AtomicInteger faces = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] image : images) {
                futures.add(pool.submit(() -> {
                    faces.addAndGet(pipeline.analyze(image, AnalysisOptions.DEFAULT).faces().size());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-10s %6d images %6d faces in %7.2f s: %7.2f images/s %7.2f faces/s%n", label,
                images.size(), faces.get(), seconds, images.size() / seconds, faces.get() / seconds);
    }
}
