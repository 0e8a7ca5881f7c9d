package io.facesearch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code facesearch} command. Subcommands are contributed by each module on the classpath: a
 * module lists its picocli command classes, one per line, in {@code META-INF/facesearch/commands}.
 */
@Command(name = "facesearch", mixinStandardHelpOptions = true, versionProvider = FaceSearchCommand.Version.class,
        description = "Face search engine: detect, embed, verify, serve, enrol, search, index.",
        subcommandsRepeatable = false)
public final class FaceSearchCommand implements Runnable {
    static final String COMMANDS_RESOURCE = "META-INF/facesearch/commands";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The root command with every contributed subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FaceSearchCommand());
        for (Class<?> command : contributedCommands()) {
            cli.addSubcommand(command);
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    static List<Class<?>> contributedCommands() {
        List<Class<?>> commands = new ArrayList<>();
        ClassLoader loader = FaceSearchCommand.class.getClassLoader();
        try {
            Enumeration<URL> lists = loader.getResources(COMMANDS_RESOURCE);
            while (lists.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        String name = line.strip();
                        if (!name.isEmpty() && !name.startsWith("#")) {
                            commands.add(Class.forName(name, false, loader));
                        }
                    }
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the command list: " + e.getMessage(), e);
        }
        return commands;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FaceSearchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"FaceSearch " + (v == null ? "development build" : v)};
        }
    }
}
