package io.facesearch.cli.remote;

import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.Table;
import io.facesearch.client.FaceReference;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.StatusCode;
import io.facesearch.client.Subject;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code facesearch subjects list|delete|verify}. */
@Command(name = "subjects", mixinStandardHelpOptions = true,
        description = "List, delete and verify enrolled subjects (people) on a FaceSearch server.",
        subcommands = {SubjectsCommand.ListSubjects.class, SubjectsCommand.DeleteSubjects.class, SubjectsCommand.VerifySubject.class})
public final class SubjectsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, delete or verify");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the subjects of a collection, by id.")
    static final class ListSubjects extends ServerCommand {
        @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME")
        String collection;

        @Option(names = "--limit", paramLabel = "N", description = "At most this many subjects (default: all).")
        long limit = Long.MAX_VALUE;

        @Option(names = "--json", description = "Print one JSON object per subject.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            Stream<Subject> subjects = client.allSubjects(collection).limit(limit);
            if (json) {
                subjects.forEach(s -> out().println(Json.subject(s)));
                return ExitStatus.OK;
            }
            Table table = new Table("SUBJECT", ">FACES", "CREATED");
            subjects.forEach(s -> table.add(s.subjectId(), s.faceCount(), s.createTime()));
            table.print(out());
            return ExitStatus.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete subjects with all their faces.", "Exit status 1 when a subject is not in the collection."})
    static final class DeleteSubjects extends ServerCommand {
        @Option(names = {"-c", "--collection"}, required = true, paramLabel = "NAME")
        String collection;

        @Parameters(paramLabel = "SUBJECT", arity = "1..*")
        List<String> subjects;

        @Override
        int run(FaceSearchClient client) {
            int status = ExitStatus.OK;
            for (String subject : subjects) {
                try {
                    int faces = client.deleteSubject(collection, subject);
                    out().printf("deleted subject %s with %d face%s%n", subject, faces, faces == 1 ? "" : "s");
                } catch (FaceSearchException e) {
                    if (e.code() != StatusCode.NOT_FOUND) {
                        throw e;
                    }
                    status = report(e, client.target(), false);
                }
            }
            return status;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Is this photo (its main face) the enrolled subject? The server compares it with the subject's "
                    + "nearest face, with the collection's metric and threshold.",
                "Exit status: 0 when compared (match or not), 3 when the photo is unreadable or has no face, "
                    + "1 when the subject is not in the collection."})
    static final class VerifySubject extends ServerVerifyCommand {
        @Parameters(index = "0", paramLabel = "SUBJECT", description = "An enrolled subject.")
        String subject;

        @Parameters(index = "1", paramLabel = "PHOTO", description = "A photo, or an enrolled face id.")
        String photo;

        @Override
        FaceReference first() {
            return FaceReference.subject(subject);
        }

        @Override
        FaceReference second() {
            return photoOrFace(photo);
        }

        @Override
        boolean hasPhoto() {
            return !isFaceId(photo);
        }
    }
}
