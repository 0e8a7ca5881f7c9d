package io.facesearch.cli.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.identify.IdentificationDefaults;
import io.facesearch.identify.ImpostorScores;
import io.facesearch.identify.OpenSetRule;
import io.facesearch.identify.OpenSetScore;
import io.facesearch.identify.SubjectCandidates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "identification", mixinStandardHelpOptions = true,
        description = {"Open-set identification (1:N) on a folder-per-person tree. Enrolled: the first",
            "photo (by name) of every person with 2+ photos; mated probes: their other photos;",
            "non-mated probes: the photos of people with one photo, who are not enrolled.",
            "Reports rank-1, DIR at FPIR 10/1/0.1 %% for each open-set score, and what the default",
            "rule decides with its threshold estimated from the gallery's own impostors."})
public final class EvalIdentificationCommand implements Callable<Integer> {
    /** Faces returned per search, as the server's: {@link IdentificationDefaults#FACES_PER_SEARCH}. */
    static final int FACE_LIMIT = IdentificationDefaults.FACES_PER_SEARCH;
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

    @Option(names = "--server", paramLabel = "HOST:PORT",
            description = "Run the protocol through this server instead of the local pipeline: a temporary "
                    + "collection holds the gallery and is deleted at the end.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:FACESEARCH_TOKEN}",
            description = "With --server: an API key that may create and delete collections (env FACESEARCH_TOKEN; "
                    + "default for a server on this machine: ./data/admin.key).")
    String token;

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
        if (server != null && cacheFile != null) {
            spec.commandLine().getErr().println("--embeddings-cache is for the local pipeline, not with --server");
            return ExitStatus.USAGE;
        }
        IdentificationProtocol protocol = IdentificationProtocol.of(images, distractors);
        PrintWriter err = spec.commandLine().getErr();
        Report report;
        try (ProtocolSearch search = server != null ? ServerProtocolSearch.open(server, token)
                : LocalProtocolSearch.open(protocol.files(), pipeline, cacheFile, err)) {
            report = run(protocol, search);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.json());
        } else {
            report.print(out);
        }
        out.flush();
        return ExitStatus.OK;
    }

    private Report run(IdentificationProtocol protocol, ProtocolSearch search) throws Exception {
        Set<String> subjects = search.enroll(protocol.gallery());
        List<SearchedProbe> mated = new ArrayList<>();
        for (IdentificationProtocol.Photo p : protocol.mated()) {
            // A person whose gallery photo showed no face is not enrolled: their photos prove nothing.
            if (subjects.contains(p.subject())) {
                mated.add(probe(search, p.file(), p.subject()));
            }
        }
        List<SearchedProbe> nonMated = new ArrayList<>();
        for (IdentificationProtocol.Photo p : protocol.nonMated()) {
            nonMated.add(probe(search, p.file(), null));
        }
        ImpostorScores impostors = ImpostorScores.fromSearches(search.impostorSearches(FACE_LIMIT),
                IdentificationDefaults.SCORE);
        OpenSetRule rule = OpenSetRule.forTargetFpir(targetFpir, impostors);
        OpenSetRule fallback = new OpenSetRule(IdentificationDefaults.SCORE, IdentificationDefaults.threshold(targetFpir));
        boolean estimated = impostors.canEstimate(targetFpir, IdentificationDefaults.MIN_FALSE_ACCEPTS);
        return new Report(protocol, search.gallerySize(), mated, nonMated, impostors, estimated, rule, fallback,
                search.photosWithoutFace());
    }

    private static SearchedProbe probe(ProtocolSearch search, Path photo, String truth) throws Exception {
        return new SearchedProbe(truth, search.search(photo, FACE_LIMIT).map(SubjectCandidates::group)
                .orElse(List.of()));
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
                ObjectNode bin = bins.addObject().put("from", b.from()).put("to", b.to()).put("probes", b.probes());
                if (b.probes() > 0) {
                    bin.put("mean_confidence", b.meanConfidence()).put("fraction_correct", b.fractionCorrect());
                }
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
                if (b.probes() == 0) {
                    out.printf("  %.1f-%.1f  %6d  %15s  %16s%n", b.from(), b.to(), 0, "-", "-");
                } else {
                    out.printf("  %.1f-%.1f  %6d  %15.3f  %16.3f%n", b.from(), b.to(), b.probes(),
                            b.meanConfidence(), b.fractionCorrect());
                }
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
