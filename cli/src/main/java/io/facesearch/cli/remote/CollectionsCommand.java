package io.facesearch.cli.remote;

import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.Table;
import io.facesearch.client.Collection;
import io.facesearch.client.CollectionSpec;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.IndexFormat;
import io.facesearch.client.Metric;
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

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an empty collection.")
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

        @Option(names = "--json", description = "Print the collection as JSON.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            Collection c = client.createCollection(new CollectionSpec(name, metric, threshold, indexFormat, modelId, dimension));
            if (json) {
                out().println(Json.collection(c));
            } else {
                out().printf("created collection %s: %s, threshold %s, %s, model %s, %d-D%n", c.name(), lower(c.metric()),
                        c.threshold(), lower(c.indexFormat()), c.modelId(), c.embeddingDimension());
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
            Table table = new Table("NAME", ">FACES", ">SUBJECTS", "METRIC", ">THRESHOLD", "INDEX", "MODEL");
            for (Collection c : all) {
                table.add(c.name(), c.faceCount(), c.subjectCount(), lower(c.metric()), c.threshold(), lower(c.indexFormat()),
                        c.modelId());
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
            return ExitStatus.OK;
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

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
