package io.facesearch.cli.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code facesearch} command in a JVM of its own, on this test's class path, as the launcher
 * would run it, with its output in files: something a test can kill with SIGKILL.
 */
public final class ChildJvm {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param logs folder for the child's stdout and stderr
     * @param name names the log files
     * @param args the command and its arguments, e.g. {@code index --dry-run photos/}
     */
    public static ChildJvm start(Path logs, String name, String... args) throws IOException {
        return start(logs, name, Map.of(), args);
    }

    /**
     * @param properties system properties for the child, over those it inherits from this JVM
     *     (the model cache, the logging configuration)
     */
    public static ChildJvm start(Path logs, String name, Map<String, String> properties, String... args) throws IOException {
        return start(null, logs, name, properties, args);
    }

    /**
     * A command run in a working directory of its own, as a user would run it from that folder,
     * without the FACESEARCH_* variables of this environment.
     */
    public static ChildJvm startIn(Path workingDir, Path logs, String name, String... args) throws IOException {
        return start(workingDir, logs, name, Map.of(), args);
    }

    private static ChildJvm start(Path workingDir, Path logs, String name, Map<String, String> properties, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path")));
        Map<String, String> all = new LinkedHashMap<>();
        for (String property : List.of("facesearch.models.cache", "java.util.logging.config.file")) {
            String value = System.getProperty(property);
            if (value != null) {
                all.put(property, value);
            }
        }
        all.putAll(properties);
        all.forEach((property, value) -> command.add("-D" + property + "=" + value));
        command.add("io.facesearch.cli.FaceSearchCommand");
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("FACESEARCH_"));
        }
        Process p = builder.start();
        return new ChildJvm(p, out, err);
    }

    public Process process() {
        return process;
    }

    /** Ends the child at once, as {@code kill -9} would, and waits for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** What the child printed so far, for failure messages. */
    public String output() throws IOException {
        return "--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err);
    }

    /** The child's stdout so far. */
    public String stdout() throws IOException {
        return Files.readString(out);
    }
}
