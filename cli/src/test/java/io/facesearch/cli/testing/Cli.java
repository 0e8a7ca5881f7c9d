package io.facesearch.cli.testing;

import io.facesearch.cli.FaceSearchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code facesearch} in this JVM, as the launcher would, and captures what it prints. */
public final class Cli {

    private Cli() {
    }

    /** What a run printed and returned. */
    public record Run(int status, String out, String err) {

        public List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Run run(String... args) {
        CommandLine cli = FaceSearchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Runs a command against a server with an API key: {@code --server} and {@code --token} are added after the command words. */
    public static Run againstWithKey(String target, String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        int words = 0;
        while (words < all.size() && !all.get(words).startsWith("-") && isCommandWord(all.subList(0, words), all.get(words))) {
            words++;
        }
        all.addAll(words, List.of("--token", token));
        return against(target, all.toArray(String[]::new));
    }

    /** Runs a command against a server: {@code --server} is added after the command words. */
    public static Run against(String target, String... args) {
        List<String> all = new ArrayList<>();
        int words = 0;
        while (words < args.length && !args[words].startsWith("-") && isCommandWord(all, args[words])) {
            all.add(args[words++]);
        }
        all.add("--server");
        all.add(target);
        all.addAll(Arrays.asList(args).subList(words, args.length));
        return run(all.toArray(String[]::new));
    }

    private static boolean isCommandWord(List<String> before, String word) {
        CommandLine command = FaceSearchCommand.commandLine();
        for (String w : before) {
            command = command.getSubcommands().get(w);
        }
        return command.getSubcommands().containsKey(word);
    }
}
