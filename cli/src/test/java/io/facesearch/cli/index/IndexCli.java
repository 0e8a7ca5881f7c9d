package io.facesearch.cli.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.testdata.SharedPipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs {@code facesearch index} in this JVM on the shared pipeline, and captures what it prints. */
final class IndexCli {

    private IndexCli() {
    }

    /** What a run printed and returned. */
    record Run(int status, String out, String err) {

        /** The JSON report, when it went to stdout. */
        JsonNode report() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not the JSON report:\n" + this, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run index(String... args) {
        return index(SharedPipeline::view, args);
    }

    static Run index(Supplier<FacePipeline> pipelines, String... args) {
        CommandLine cli = new CommandLine(new IndexCommand(pipelines));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
