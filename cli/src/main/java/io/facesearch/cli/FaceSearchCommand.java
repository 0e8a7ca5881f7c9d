package io.facesearch.cli;

import io.facesearch.cli.index.IndexCommand;
import io.facesearch.cli.local.CompareCommand;
import io.facesearch.cli.local.DetectCommand;
import io.facesearch.cli.local.EmbedCommand;
import io.facesearch.cli.local.EvalCommand;
import io.facesearch.cli.local.VerifyCommand;
import io.facesearch.cli.models.ModelsCommand;
import io.facesearch.cli.remote.CollectionsCommand;
import io.facesearch.cli.remote.EnrollCommand;
import io.facesearch.cli.remote.FacesCommand;
import io.facesearch.cli.remote.KeysCommand;
import io.facesearch.cli.remote.SearchCommand;
import io.facesearch.cli.remote.SubjectsCommand;
import io.facesearch.cli.serve.ServeCommand;
import io.facesearch.model.ModelUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code facesearch} command: the local pipeline commands, {@code models}, {@code serve}, the commands against
 * a server, and {@code index}, in the order its help lists them.
 */
@Command(name = "facesearch", mixinStandardHelpOptions = true, versionProvider = FaceSearchCommand.Version.class,
        description = "Face search engine: detect, embed, verify, serve, enrol, search, index.",
        subcommandsRepeatable = false,
        subcommands = {DetectCommand.class, EmbedCommand.class, VerifyCommand.class, CompareCommand.class, EvalCommand.class,
            ModelsCommand.class, ServeCommand.class,
            CollectionsCommand.class, EnrollCommand.class, SearchCommand.class, FacesCommand.class, SubjectsCommand.class,
            IndexCommand.class, KeysCommand.class})
public final class FaceSearchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The root command with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FaceSearchCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(FaceSearchCommand::handle);
        return cli;
    }

    /**
     * Missing models are the operator's to fix, not a bug: their message (which says how) without a
     * stack trace, and {@link ExitStatus#REFUSED}. Anything else is unexpected and keeps picocli's report.
     */
    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelUnavailableException missing) {
                command.getErr().println("facesearch " + command.getCommandName() + ": " + missing.getMessage());
                return ExitStatus.REFUSED;
            }
        }
        throw e;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FaceSearchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"FaceSearch " + (v == null ? "development build" : v)};
        }
    }
}
