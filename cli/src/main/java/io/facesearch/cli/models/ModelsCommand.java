package io.facesearch.cli.models;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code facesearch models}: what prepares the face models the pipeline reads. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = ModelsInstallCommand.class,
        description = "Prepare the face models (fetch, check, convert to ONNX).")
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
