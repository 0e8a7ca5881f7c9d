package io.facesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.cli.testing.Cli;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The server commands sit beside the local ones without clashing, and every one explains itself. */
class CommandTreeTest {

    static final Map<String, Set<String>> SERVER_COMMANDS = Map.of(
            "collections", Set.of("create", "list", "describe", "delete"),
            "enroll", Set.of(),
            "search", Set.of(),
            "faces", Set.of("list", "delete", "verify"),
            "subjects", Set.of("list", "delete", "verify"),
            "keys", Set.of("create", "list", "revoke"));

    @Test
    void serverCommandsAreRegisteredBesideTheLocalOnes() {
        Map<String, CommandLine> commands = FaceSearchCommand.commandLine().getSubcommands();
        for (var e : SERVER_COMMANDS.entrySet()) {
            assertTrue(commands.containsKey(e.getKey()), e.getKey() + " in " + commands.keySet());
            assertEquals(e.getValue(), commands.get(e.getKey()).getSubcommands().keySet().stream()
                    .filter(name -> !name.equals("help")).collect(java.util.stream.Collectors.toSet()), e.getKey());
        }
        // The local commands and serve sit in the same tree.
        assertTrue(commands.keySet().containsAll(Set.of("detect", "embed", "verify", "serve")), commands.keySet().toString());
    }

    @Test
    void everyCommandIsListedOnceInTheOrderOfTheHelp() {
        assertEquals(java.util.List.of("detect", "embed", "verify", "compare", "eval", "models", "serve", "collections", "enroll", "search",
                "faces", "subjects", "index", "keys"), java.util.List.copyOf(FaceSearchCommand.commandLine().getSubcommands().keySet()));
    }

    @Test
    void everyCommandHasHelpWithTheServerOptions() {
        for (var e : SERVER_COMMANDS.entrySet()) {
            if (e.getValue().isEmpty()) {
                assertHelp(e.getKey());
            }
            for (String sub : e.getValue()) {
                assertHelp(e.getKey(), sub);
            }
        }
    }

    private static void assertHelp(String... words) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(words), java.util.stream.Stream.of("--help"))
                .toArray(String[]::new);
        Cli.Run run = Cli.run(args);
        assertEquals(0, run.status(), run.toString());
        for (String option : new String[] {"--server=HOST:PORT", "--token", "--tls", "--ca", "--deadline"}) {
            assertTrue(run.out().contains(option), String.join(" ", words) + " lacks " + option + ":\n" + run.out());
        }
    }

    @Test
    void aGroupWithoutItsSubcommandIsAUsageError() {
        for (String group : new String[] {"collections", "faces", "subjects"}) {
            Cli.Run run = Cli.run(group);
            assertEquals(2, run.status(), run.toString());
            assertTrue(run.err().contains("Missing subcommand"), run.err());
        }
        assertEquals(2, Cli.run("enroll", "--collection", "c", "photo.jpg").status(), "--subject is required");
    }

    @Test
    void theServerDefaultsToLocalhostOrTheEnvironment() {
        String expected = System.getenv().getOrDefault("FACESEARCH_SERVER", "localhost:50051");
        assertTrue(Cli.run("collections", "list", "--help").out().contains("(default: " + expected), "help shows the default server");
    }

    @Test
    void deadlinesReadAsPeopleWriteThem() {
        DurationConverter c = new DurationConverter();
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofSeconds(10), c.convert("10s"));
        assertEquals(Duration.ofSeconds(10), c.convert("10"));
        assertEquals(Duration.ofMillis(1500), c.convert("1.5s"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
        assertEquals(Duration.ofHours(1), c.convert("1h"));
        assertEquals(Duration.ofSeconds(30), c.convert("PT30S"));
        Cli.Run bad = Cli.run("collections", "list", "--deadline", "soon");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("not a duration"), bad.err());
    }

    @Test
    void tablesAlignTheirColumns() {
        java.io.StringWriter s = new java.io.StringWriter();
        new Table("NAME", ">COUNT", "NOTE").add("a", 1, "x").add("longer", 1234, "").print(new java.io.PrintWriter(s));
        assertEquals(String.join(System.lineSeparator(), "NAME    COUNT  NOTE", "a           1  x", "longer   1234", ""), s.toString());
    }
}
