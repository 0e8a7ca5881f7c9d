package io.facesearch.cli.local;

import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.PhotoFiles;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import java.nio.file.Path;
import java.util.List;

/** The body shared by {@code detect} and {@code embed}. */
final class AnalyzeRun {
    private AnalyzeRun() {
    }

    static int run(List<Path> inputs, boolean json, PipelineOptions pipelineOptions, AnalysisOptions options)
            throws InterruptedException {
        List<Path> files = PhotoFiles.expand(inputs);
        try (FacePipeline pipeline = pipelineOptions.open()) {
            int failures = ImageBatchRun.run(pipeline, files, options, pipelineOptions.threads(), r -> {
                if (json) {
                    System.out.println(r.error() == null ? FaceJson.image(r.file(), r.image())
                            : FaceJson.error(r.file(), r.error()));
                    if (r.error() != null) {
                        System.err.println(r.file() + ": " + r.error());
                    }
                } else {
                    ImageBatchRun.printText(r, System.out, System.err);
                }
            });
            return failures == 0 ? ExitStatus.OK : ExitStatus.SOME_UNREADABLE;
        }
    }
}
