package io.facesearch.cli.local;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = {EvalLfwCommand.class, EvalIdentificationCommand.class},
        description = "Measure accuracy on a benchmark.")
public final class EvalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
