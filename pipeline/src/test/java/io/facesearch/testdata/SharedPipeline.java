package io.facesearch.testdata;

import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.PipelineSettings;

/**
 * The real face pipeline with its default settings, loaded once per test JVM and shared by every
 * test server and in-process indexer run (loading the networks takes seconds; analysing is
 * thread-safe). Those close their pipeline, so each gets a view whose close does nothing; the
 * networks go with the JVM.
 */
public final class SharedPipeline {
    private static FacePipeline pipeline;

    private SharedPipeline() {
    }

    public static synchronized FacePipeline view() {
        if (pipeline == null) {
            pipeline = FacePipelines.open(PipelineSettings.DEFAULT);
        }
        FacePipeline shared = pipeline;
        return new FacePipeline() {
            @Override
            public AnalyzedImage analyze(byte[] encodedImage, AnalysisOptions options) throws InvalidImageException {
                return shared.analyze(encodedImage, options);
            }

            @Override
            public String modelId() {
                return shared.modelId();
            }

            @Override
            public int embeddingDimension() {
                return shared.embeddingDimension();
            }

            @Override
            public void close() {
                // Shared: closed with the JVM.
            }
        };
    }
}
