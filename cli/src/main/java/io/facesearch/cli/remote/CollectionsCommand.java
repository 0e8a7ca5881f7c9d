package io.facesearch.cli.remote;

import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.Table;
import io.facesearch.client.Collection;
import io.facesearch.client.CollectionSpec;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.IndexFormat;
import io.facesearch.client.Metric;
import io.facesearch.client.OpenSetCalibration;
import io.facesearch.client.QualitySettings;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code facesearch collections create|list|describe|delete}. */
@Command(name = "collections", mixinStandardHelpOptions = true,
        description = "Create, list, describe and delete collections on a FaceSearch server.",
        subcommands = {CollectionsCommand.CreateCollection.class, CollectionsCommand.ListCollections.class, CollectionsCommand.DescribeCollection.class,
            CollectionsCommand.DeleteCollection.class})
public final class CollectionsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create, list, describe or delete");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {"Create an empty collection.",
        "Quality thresholds that are not given are the server's quality settings; with none given the collection follows them."})
    static final class CreateCollection extends ServerCommand {
        @Parameters(paramLabel = "NAME", description = "1-128 characters of A-Z a-z 0-9 . _ -")
        String name;

        @Option(names = "--metric", paramLabel = "euclidean|cosine", description = "Comparison metric (default: the server's, euclidean).")
        Metric metric;

        @Option(names = "--threshold", paramLabel = "DISTANCE", description = "Default decision threshold (default: the metric's).")
        float threshold;

        @Option(names = "--index-format", paramLabel = "hnsw_float32|hnsw_int8", description = "Index format (default: hnsw_float32).")
        IndexFormat indexFormat;

        @Option(names = "--model-id", paramLabel = "ID",
                description = "Model of the embeddings, for collections fed only with precomputed embeddings (default: the server's pipeline).")
        String modelId;

        @Option(names = "--dimension", paramLabel = "N", description = "Embedding length (default: the model's).")
        int dimension;

        @Option(names = "--target-fpir", paramLabel = "RATE",
                description = "The false positive identification rate searches are set for, in (0, 1): the share of people who are"
                    + " not enrolled that may be identified as someone (default: the server's, 0.01).")
        double targetFpir;

        @Option(names = "--min-score", paramLabel = "SCORE", description = "Enrol faces with a detector score of at least this, in [0, 1].")
        Double minScore;

        @Option(names = "--max-box-to-face", paramLabel = "RATIO",
                description = "Enrol faces whose box is at most this far (a ratio >= 1, either way) from the face its landmarks fit.")
        Double maxBoxToFace;

        @Option(names = "--min-face-px", paramLabel = "PIXELS", description = "Enrol faces with a box side of at least this many pixels.")
        Double minFacePx;

        @Option(names = "--min-sharpness", paramLabel = "VARIANCE",
                description = "Enrol faces at least this sharp (variance of the Laplacian of the aligned grey face).")
        Double minSharpness;

        @Option(names = "--max-yaw", paramLabel = "DEGREES", description = "Enrol faces turned at most this far left or right.")
        Double maxYaw;

        @Option(names = "--max-pitch", paramLabel = "DEGREES", description = "Enrol faces nodded at most this far up or down.")
        Double maxPitch;

        @Option(names = "--max-roll", paramLabel = "DEGREES", description = "Enrol faces tilted at most this far.")
        Double maxRoll;

        @Option(names = "--json", description = "Print the collection as JSON.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            QualitySettings quality = new QualitySettings(minScore, maxBoxToFace, minFacePx, minSharpness, maxYaw, maxPitch, maxRoll);
            Collection c = client.createCollection(
                    new CollectionSpec(name, metric, threshold, indexFormat, modelId, dimension, targetFpir, quality));
            if (json) {
                out().println(Json.collection(c));
            } else {
                out().printf("created collection %s: %s, threshold %s, %s, model %s, %d-D, target FPIR %s, %s quality thresholds%n",
                        c.name(), lower(c.metric()), c.threshold(), lower(c.indexFormat()), c.modelId(), c.embeddingDimension(),
                        QualityThresholds.number(c.targetFpir()), c.ownQuality() ? "own" : "the server's");
            }
            return ExitStatus.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every collection, by name.")
    static final class ListCollections extends ServerCommand {
        @Option(names = "--json", description = "Print one JSON object per collection.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            List<Collection> all = client.listCollections();
            if (json) {
                all.forEach(c -> out().println(Json.collection(c)));
                return ExitStatus.OK;
            }
            Table table = new Table("NAME", ">FACES", ">SUBJECTS", "METRIC", ">THRESHOLD", "INDEX", "MODEL", ">TARGET FPIR", "OPEN SET",
                    ">IMPOSTORS", "QUALITY");
            for (Collection c : all) {
                table.add(c.name(), c.faceCount(), c.subjectCount(), lower(c.metric()), c.threshold(), lower(c.indexFormat()),
                        c.modelId(), QualityThresholds.number(c.targetFpir()), lower(c.calibration().source()),
                        c.calibration().impostorSearches(), quality(c));
            }
            table.print(out());
            return ExitStatus.OK;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a collection's settings and counts.")
    static final class DescribeCollection extends ServerCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--json", description = "Print the collection as JSON.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            Collection c = client.describeCollection(name);
            if (json) {
                out().println(Json.collection(c));
                return ExitStatus.OK;
            }
            field("name", c.name());
            field("faces", c.faceCount());
            field("subjects", c.subjectCount());
            field("metric", lower(c.metric()));
            field("threshold", c.threshold());
            field("index format", lower(c.indexFormat()));
            field("index size", c.indexSizeBytes() + " bytes");
            field("model", c.modelId());
            field("dimension", c.embeddingDimension());
            field("created", c.createTime());
            field("target FPIR", QualityThresholds.number(c.targetFpir()));
            field("open set", openSet(c.calibration()));
            field("quality", quality(c));
            return ExitStatus.OK;
        }

        /** Where the decision threshold comes from, and the impostor searches of the estimate if one was made. */
        private static String openSet(OpenSetCalibration c) {
            String searches = c.impostorSearches() + " impostor searches";
            if (c.estimateTime() != null) {
                searches += " of " + c.subjectCount() + " subjects at " + c.estimateTime();
            }
            return lower(c.source()) + " (" + searches + ")";
        }

        private void field(String name, Object value) {
            out().printf("%-13s %s%n", name + ":", value);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a collection with all its subjects, faces and index. There is no undo.")
    static final class DeleteCollection extends ServerCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(FaceSearchClient client) {
            long faces = client.deleteCollection(name);
            out().printf("deleted collection %s with %d face%s%n", name, faces, faces == 1 ? "" : "s");
            return ExitStatus.OK;
        }
    }

    /** The collection's quality thresholds, marked as its own or the server's. */
    static String quality(Collection c) {
        return (c.ownQuality() ? "own: " : "server's: ") + QualityThresholds.summary(c.quality());
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
