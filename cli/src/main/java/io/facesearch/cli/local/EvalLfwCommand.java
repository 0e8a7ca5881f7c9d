package io.facesearch.cli.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.eval.LfwPairs;
import io.facesearch.eval.VerificationReport;
import io.facesearch.face.Embedding;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lfw", mixinStandardHelpOptions = true,
        description = {"Verification accuracy on LFW-format pairs: 10-fold accuracy (the file's folds, else a fixed",
            "random split), best threshold, TAR at FAR 1e-3, ROC points, unscorable pairs (counted as errors)."})
public final class EvalLfwCommand implements Callable<Integer> {
    @Option(names = "--pairs", required = true, paramLabel = "FILE", description = "LFW pairs file.")
    Path pairsFile;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Folder holding <Name>/<Name>_NNNN.jpg.")
    Path images;

    @Option(names = "--metric", defaultValue = "euclidean", paramLabel = "euclidean|cosine")
    DistanceMetric metric;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        LfwPairs pairs;
        try {
            pairs = LfwPairs.read(pairsFile);
        } catch (IOException | RuntimeException e) {
            System.err.println("facesearch eval lfw: cannot read the pairs file " + pairsFile + ": " + e);
            return ExitStatus.USAGE;
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (LfwPairs.Pair p : pairs.pairs()) {
            unique.add(p.first());
            unique.add(p.second());
        }
        List<Path> files = new ArrayList<>();
        for (String name : unique) {
            files.add(images.resolve(name));
        }
        Map<String, Embedding> embeddings = new HashMap<>();
        long start = System.nanoTime();
        try (FacePipeline p = pipeline.open()) {
            ImageBatchRun.run(p, files, AnalysisOptions.DEFAULT, pipeline.threads(), r -> {
                if (r.error() != null) {
                    System.err.println(r.file() + ": " + r.error());
                } else if (r.image().faces().isEmpty()) {
                    System.err.println(r.file() + ": no face found");
                } else {
                    embeddings.put(r.file(), r.image().faces().get(0).embedding());
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] distances = new double[pairs.pairs().size()];
        boolean[] same = new boolean[distances.length];
        for (int i = 0; i < distances.length; i++) {
            LfwPairs.Pair pair = pairs.pairs().get(i);
            Embedding a = embeddings.get(images.resolve(pair.first()).toString());
            Embedding b = embeddings.get(images.resolve(pair.second()).toString());
            distances[i] = a == null || b == null ? Double.NaN : metric.distance(a, b);
            same[i] = pair.same();
        }
        VerificationReport report = VerificationReport.of(distances, same, pairs.folds());
        print(report, unique.size() - embeddings.size(), files.size(), seconds);
        return ExitStatus.OK;
    }

    private void print(VerificationReport r, int imagesWithoutFace, int imageCount, double seconds) {
        if (json) {
            ObjectNode node = FaceJson.MAPPER.createObjectNode();
            node.put("pairs", r.pairs());
            node.put("unscorable", r.unscorable());
            node.put("imagesWithoutFace", imagesWithoutFace);
            node.put("accuracy", r.accuracy());
            node.put("accuracyStdDev", r.accuracyStdDev());
            node.put("bestThreshold", r.bestThreshold());
            node.put("bestThresholdAccuracy", r.bestThresholdAccuracy());
            node.put("tarAtFar1e-3", r.tarAtFar1e3());
            node.put("metric", metric.label());
            node.put("pipeline", pipeline.settings().embeddingId()
                    + "/" + (pipeline.settings().detector().firstPadding() > 0 ? "padded" : "original"));
            node.put("images", imageCount);
            node.put("seconds", Math.round(seconds * 10) / 10.0);
            var roc = node.putArray("roc");
            for (double[] pt : r.roc()) {
                roc.addObject().put("threshold", pt[0]).put("far", pt[1]).put("tar", pt[2]);
            }
            System.out.println(node);
            return;
        }
        System.out.printf("pairs %d, unscorable %d (images without a face: %d of %d)%n", r.pairs(), r.unscorable(),
                imagesWithoutFace, imageCount);
        System.out.printf("accuracy (10-fold) %.2f%% +- %.2f%n", 100 * r.accuracy(), 100 * r.accuracyStdDev());
        System.out.printf("best threshold %.4f (%s), accuracy at it %.2f%%%n", r.bestThreshold(), metric.label(),
                100 * r.bestThresholdAccuracy());
        System.out.printf("TAR at FAR 1e-3: %.2f%%%n", 100 * r.tarAtFar1e3());
        System.out.println("ROC (threshold, FAR, TAR):");
        for (double[] pt : r.roc()) {
            System.out.printf("  %.4f  %.4f  %.4f%n", pt[0], pt[1], pt[2]);
        }
        System.out.printf("embedded %d images in %.1f s (%.1f images/s)%n", imageCount, seconds, imageCount / seconds);
    }
}
