package io.facesearch.cli.local;

import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.FalseAcceptRateOutput;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.compare.FalseAcceptRate;
import io.facesearch.compare.MatchThreshold;
import io.facesearch.compare.Verification;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelines;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Are two photos of the same person? Compares the main face of each.",
            "When a photo holds several faces its main one (large and near the centre) is used and a note goes to stderr.",
            "The false-accept rate of the threshold (pairs of different people it takes for one, measured on LFW",
            "for the default pipeline with the euclidean metric) follows the verdict; it is not known for other settings.",
            "Exit status: 0 when compared (match or not), 3 when a photo is unreadable or has no face."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "First photo.")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "Second photo.")
    Path second;

    @Option(names = "--metric", defaultValue = "euclidean", paramLabel = "euclidean|cosine",
            description = "Distance between descriptors (default: ${DEFAULT-VALUE}).")
    DistanceMetric metric;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Decision threshold; a distance below it is a match (default: calibrated per metric).")
    Double threshold;

    @Option(names = "--json", description = {"Print {distance, similarity, match, threshold, metric, false_accept_rate,",
            "false_accept_rate_at_most} as JSON; false_accept_rate is null where it was not measured (see --help)."})
    boolean json;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() {
        MatchThreshold t = threshold == null ? MatchThreshold.defaultFor(metric) : new MatchThreshold(metric, threshold);
        try (FacePipeline p = pipeline.open()) {
            PhotoFaces a = PhotoFaces.load(p, first);
            PhotoFaces b = PhotoFaces.load(p, second);
            for (PhotoFaces photo : new PhotoFaces[] {a, b}) {
                if (photo.image().faces().size() > 1) {
                    System.err.println(photo.file() + ": " + photo.image().faces().size()
                            + " faces found; using the main one (large and near the centre)");
                }
            }
            Verification v = Verification.of(a.mainFace().embedding(), b.mainFace().embedding(), t);
            Optional<FalseAcceptRate> far = FacePipelines.falseAcceptRates(p.modelId(), metric).map(r -> r.at(t.threshold()));
            OptionalDouble rate = far.map(r -> OptionalDouble.of(r.rate())).orElse(OptionalDouble.empty());
            boolean atMost = far.map(FalseAcceptRate::atMost).orElse(false);
            if (json) {
                var node = FaceJson.MAPPER.createObjectNode();
                node.put("distance", v.distance());
                node.put("similarity", Math.round(v.similarity() * 100) / 100.0);
                node.put("match", v.match());
                node.put("threshold", v.threshold());
                node.put("metric", v.metric().label());
                FalseAcceptRateOutput.json(node, rate, atMost);
                System.out.println(node);
            } else {
                System.out.printf("%s: similarity %.2f%%, %s distance %.4f %s threshold %.4f%s%n",
                        v.match() ? "same person" : "different people", v.similarity(), v.metric().label(),
                        v.distance(), v.match() ? "<" : ">=", v.threshold(), FalseAcceptRateOutput.text(rate, atMost));
            }
            return ExitStatus.OK;
        } catch (PhotoFaces.Unusable e) {
            System.err.println(e.getMessage());
            return ExitStatus.BAD_PHOTO;
        }
    }
}
