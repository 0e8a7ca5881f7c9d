package io.facesearch.cli.local;

import io.facesearch.pipeline.AnalysisOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Find faces: boxes, scores, 68 landmarks and expressions, for images and folders.",
            "Exit status: 0 when every file was read, 1 when some could not be (each is reported)."})
public final class DetectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILES|DIRS", description = "Images, or folders walked recursively.")
    List<Path> inputs;

    @Option(names = "--json", description = "One JSON object per image and line.")
    boolean json;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        return AnalyzeRun.run(inputs, json, pipeline, new AnalysisOptions(false, true, 100));
    }
}
