package io.facesearch.cli.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.face.Embedding;
import io.facesearch.identify.FaceCandidate;
import io.facesearch.identify.IdentificationDefaults;
import io.facesearch.identify.ImpostorScores;
import io.facesearch.identify.OpenSetRule;
import io.facesearch.identify.OpenSetScore;
import io.facesearch.identify.SubjectCandidates;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "identification", mixinStandardHelpOptions = true,
        description = {"Open-set identification (1:N) on a folder-per-person tree: the first photo (by name) of every",
            "person with 2+ photos is enrolled, their other photos are mated probes, the photos of people with",
            "one photo are non-mated probes (not enrolled). Reports rank-1, DIR at FPIR 10/1/0.1 % and what the",
            "default open-set rule decides, with the threshold estimated from the gallery's own impostors."})
public final class EvalIdentificationCommand implements Callable<Integer> {
    /**
     * Faces returned per search, without a distance cut: enough subjects for the runner-up and the
     * cohort of {@link #COHORT} when each has one face.
     */
    static final int FACE_LIMIT = 20;
    /** Subjects after the scored one that {@code cohort_z} normalises against. */
    static final int COHORT = 10;
    static final double[] FPIRS = {0.1, 0.01, 0.001};

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder holding <Person>/<photo>.")
    Path images;

    @Option(names = "--distractors", paramLabel = "DIR",
            description = "Another folder-per-person tree whose people's first photos are added to the gallery only.")
    Path distractors;

    @Option(names = "--target-fpir", defaultValue = "0.01", paramLabel = "RATE",
            description = "The false positive identification rate the default rule is set for. Default: ${DEFAULT-VALUE}.")
    double targetFpir;

    @Option(names = "--embeddings-cache", paramLabel = "FILE",
            description = "Keep the photos' descriptors in FILE and reuse them on the next run (for repeated measurements).")
    Path cacheFile;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(targetFpir > 0 && targetFpir < 1)) {
            spec.commandLine().getErr().println("--target-fpir must be in (0, 1), got " + targetFpir);
            return ExitStatus.USAGE;
        }
        IdentificationProtocol protocol = IdentificationProtocol.of(images, distractors);
        Map<Path, Embedding> embeddings = embed(protocol.files());
        List<ExactGallery.Entry> enrolled = new ArrayList<>();
        for (IdentificationProtocol.Photo p : protocol.gallery()) {
            Embedding e = embeddings.get(p.file());
            if (e != null) {
                enrolled.add(new ExactGallery.Entry(p.subject() + "/" + p.file().getFileName(), p.subject(), e));
            }
        }
        ExactGallery gallery = new ExactGallery(enrolled, DistanceMetric.EUCLIDEAN);
        Set<String> subjects = new HashSet<>();
        enrolled.forEach(e -> subjects.add(e.subjectId()));
        List<SearchedProbe> mated = new ArrayList<>();
        for (IdentificationProtocol.Photo p : protocol.mated()) {
            if (subjects.contains(p.subject())) {
                mated.add(search(gallery, embeddings.get(p.file()), p.subject()));
            }
        }
        List<SearchedProbe> nonMated = new ArrayList<>();
        for (IdentificationProtocol.Photo p : protocol.nonMated()) {
            nonMated.add(search(gallery, embeddings.get(p.file()), null));
        }
        ImpostorScores impostors = galleryImpostors(gallery);
        OpenSetRule rule = OpenSetRule.forTargetFpir(targetFpir, impostors);
        OpenSetRule fallback = new OpenSetRule(IdentificationDefaults.SCORE, IdentificationDefaults.threshold(targetFpir));
        boolean estimated = impostors.canEstimate(targetFpir, IdentificationDefaults.MIN_FALSE_ACCEPTS);
        Report report = new Report(protocol, gallery.size(), mated, nonMated, impostors, estimated, rule, fallback,
                protocol.files().size() - embeddings.size());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.json());
        } else {
            report.print(out);
        }
        out.flush();
        return ExitStatus.OK;
    }

    private Map<Path, Embedding> embed(List<Path> files) throws Exception {
        EmbeddingCache cache = EmbeddingCache.open(cacheFile);
        Map<Path, Embedding> embeddings = new HashMap<>();
        List<Path> missing = new ArrayList<>();
        for (Path f : files) {
            Optional<Optional<Embedding>> cached = cache.get(f);
            if (cached.isPresent()) {
                cached.get().ifPresent(e -> embeddings.put(f, e));
            } else {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Path> byName = new HashMap<>();
            missing.forEach(f -> byName.put(f.toString(), f));
            try (FacePipeline p = pipeline.open()) {
                ImageBatchRun.run(p, missing, AnalysisOptions.DEFAULT, pipeline.threads(), r -> {
                    Path file = byName.get(r.file());
                    Embedding e = r.error() == null && !r.image().faces().isEmpty()
                            ? r.image().faces().get(0).embedding() : null;
                    if (r.error() != null) {
                        spec.commandLine().getErr().println(r.file() + ": " + r.error());
                    }
                    if (e != null) {
                        embeddings.put(file, e);
                    }
                    try {
                        cache.put(file, e);
                    } catch (java.io.IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                });
            }
            cache.save();
        }
        return embeddings;
    }

    private static SearchedProbe search(ExactGallery gallery, Embedding probe, String truth) {
        if (probe == null) {
            return new SearchedProbe(truth, List.of());
        }
        return new SearchedProbe(truth, SubjectCandidates.group(gallery.search(probe, FACE_LIMIT, null)));
    }

    /**
     * Every enrolled face searched with its own subject left out: the non-mated searches a collection
     * can run on itself, which the default rule's threshold is estimated from (as the server does).
     */
    private static ImpostorScores galleryImpostors(ExactGallery gallery) {
        List<List<FaceCandidate>> searches = new ArrayList<>();
        for (ExactGallery.Entry e : gallery.entries()) {
            searches.add(gallery.search(e.embedding(), FACE_LIMIT, e.subjectId()));
        }
        return ImpostorScores.fromSearches(searches, IdentificationDefaults.SCORE);
    }

    /** The scores compared in docs/accuracy.md, by the name the JSON gives them. */
    static Map<String, OpenSetScore> scores() {
        Map<String, OpenSetScore> scores = new LinkedHashMap<>();
        scores.put("nearest_distance", new OpenSetScore.NearestDistance());
        scores.put("margin", new OpenSetScore.Margin());
        scores.put("ratio", new OpenSetScore.DistanceRatio());
        scores.put("cohort_z", new OpenSetScore.CohortZ(COHORT));
        scores.put("logistic", IdentificationDefaults.SCORE);
        return scores;
    }

    /** The figures of one run, as JSON or as a table. */
    private record Report(IdentificationProtocol protocol, int gallery, List<SearchedProbe> mated,
            List<SearchedProbe> nonMated, ImpostorScores impostors, boolean estimated, OpenSetRule rule,
            OpenSetRule fallback,
            int photosWithoutFace) {

        ObjectNode json() {
            ObjectNode node = FaceJson.MAPPER.createObjectNode();
            node.put("gallery", gallery);
            node.put("mated_probes", mated.size());
            node.put("non_mated_probes", nonMated.size());
            node.put("rank1", IdentificationFigures.rank1(mated));
            ObjectNode dir = node.putObject("dir_at_fpir");
            for (double f : FPIRS) {
                dir.put(label(f), IdentificationFigures.dirAtFpir(mated, nonMated, rule.score(), f));
            }
            IdentificationFigures.Decided decided = IdentificationFigures.decide(mated, nonMated, rule);
            node.put("fpir_default", decided.fpir());
            node.put("dir_default", decided.dir());
            node.put("distractors", protocol.distractors());
            node.put("photos_without_face", photosWithoutFace);
            node.put("threshold_default", rule.threshold());
            node.put("threshold_source", thresholdSource());
            node.put("impostor_searches", impostors.size());
            IdentificationFigures.Decided fixed = IdentificationFigures.decide(mated, nonMated, fallback);
            node.put("fpir_calibrated_threshold", fixed.fpir());
            node.put("dir_calibrated_threshold", fixed.dir());
            ObjectNode rules = node.putObject("scores");
            for (Map.Entry<String, OpenSetScore> s : scores().entrySet()) {
                ObjectNode r = rules.putObject(s.getKey());
                for (double f : FPIRS) {
                    r.put(label(f), IdentificationFigures.dirAtFpir(mated, nonMated, s.getValue(), f));
                }
            }
            var bins = node.putArray("reliability");
            for (IdentificationFigures.ReliabilityBin b : reliability()) {
                bins.addObject().put("from", b.from()).put("to", b.to()).put("probes", b.probes())
                        .put("mean_confidence", b.meanConfidence()).put("fraction_correct", b.fractionCorrect());
            }
            return node;
        }

        void print(PrintWriter out) {
            out.printf("gallery %d subjects (%d distractors), %d mated probes, %d non-mated probes, "
                    + "%d photos without a face%n", gallery, protocol.distractors(), mated.size(), nonMated.size(),
                    photosWithoutFace);
            out.printf("rank-1 %.2f%%%n", 100 * IdentificationFigures.rank1(mated));
            out.println("DIR at FPIR        10%      1%    0.1%");
            for (Map.Entry<String, OpenSetScore> s : scores().entrySet()) {
                out.printf("  %-16s", s.getKey());
                for (double f : FPIRS) {
                    out.printf(" %6.2f%%", 100 * IdentificationFigures.dirAtFpir(mated, nonMated, s.getValue(), f));
                }
                out.println();
            }
            IdentificationFigures.Decided decided = IdentificationFigures.decide(mated, nonMated, rule);
            out.printf("default rule (threshold %.3f from %s): FPIR %.2f%%, DIR %.2f%%%n", rule.threshold(),
                    thresholdSource(), 100 * decided.fpir(), 100 * decided.dir());
            out.println("reliability (confidence of the top subject, all probes):");
            out.println("  bin        probes  mean confidence  fraction correct");
            for (IdentificationFigures.ReliabilityBin b : reliability()) {
                out.printf("  %.1f-%.1f  %6d  %15.3f  %16.3f%n", b.from(), b.to(), b.probes(),
                        b.meanConfidence(), b.fractionCorrect());
            }
        }

        private List<IdentificationFigures.ReliabilityBin> reliability() {
            List<SearchedProbe> all = new ArrayList<>(mated);
            all.addAll(nonMated);
            return IdentificationFigures.reliability(all, rule, 10);
        }

        private String thresholdSource() {
            return estimated ? "gallery" : "default";
        }

        private static String label(double fpir) {
            return Double.toString(fpir);
        }
    }
}
