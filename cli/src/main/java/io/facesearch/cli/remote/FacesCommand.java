package io.facesearch.cli.remote;

import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.Table;
import io.facesearch.client.DeletedFaces;
import io.facesearch.client.Face;
import io.facesearch.client.FaceQuery;
import io.facesearch.client.FaceReference;
import io.facesearch.client.FaceSearchClient;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code facesearch faces list|delete|verify}. */
@Command(name = "faces", mixinStandardHelpOptions = true,
        description = "List, delete and verify enrolled faces on a FaceSearch server.",
        subcommands = {FacesCommand.ListFaces.class, FacesCommand.DeleteFaces.class, FacesCommand.VerifyFaces.class})
public final class FacesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, delete or verify");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the faces of a collection, or of one subject.")
    static final class ListFaces extends ServerCommand {
        @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME")
        String collection;

        @Option(names = {"-s", "--subject"}, paramLabel = "ID", description = "Only this subject's faces.")
        String subject;

        @Option(names = "--limit", paramLabel = "N", description = "At most this many faces (default: all).")
        long limit = Long.MAX_VALUE;

        @Option(names = "--json", description = "Print one JSON object per face.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            Stream<Face> faces = client.allFaces(FaceQuery.in(collection).withSubject(subject)).limit(limit);
            if (json) {
                faces.forEach(f -> out().println(Json.face(f)));
                return ExitStatus.OK;
            }
            Table table = new Table("FACE ID", "SUBJECT", "SOURCE", ">QUALITY", "CREATED", "METADATA");
            faces.forEach(f -> table.add(f.faceId(), f.subjectId(), CollectionsCommand.lower(f.source()),
                    "%.2f".formatted(f.quality()), f.createTime(), f.metadata().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))));
            table.print(out());
            return ExitStatus.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete faces by id.", "Exit status 1 when an id is not in the collection (the others are deleted)."})
    static final class DeleteFaces extends ServerCommand {
        @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME")
        String collection;

        @Parameters(paramLabel = "FACE_ID", arity = "1..*")
        List<String> faceIds;

        @Override
        int run(FaceSearchClient client) {
            DeletedFaces deleted = client.deleteFaces(collection, faceIds);
            out().printf("deleted %d face%s from %s%n", deleted.deleted(), deleted.deleted() == 1 ? "" : "s", collection);
            deleted.notFound().forEach(id -> err().println(id + ": not in collection " + collection));
            return deleted.notFound().isEmpty() ? ExitStatus.OK : ExitStatus.REFUSED;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Are two faces the same person? The server compares them with the collection's metric and threshold.",
                "A and B are each an enrolled face id or a photo (its main face is used).",
                "Exit status: 0 when compared (match or not), 3 when a photo is unreadable or has no face, "
                    + "1 when a face is not in the collection."})
    static final class VerifyFaces extends ServerVerifyCommand {
        @Parameters(index = "0", paramLabel = "A", description = "A face id or a photo.")
        String first;

        @Parameters(index = "1", paramLabel = "B", description = "A face id or a photo.")
        String second;

        @Override
        FaceReference first() {
            return photoOrFace(first);
        }

        @Override
        FaceReference second() {
            return photoOrFace(second);
        }

        @Override
        boolean hasPhoto() {
            return !isFaceId(first) || !isFaceId(second);
        }
    }
}
