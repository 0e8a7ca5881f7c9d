package io.facesearch.client.testing;

import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.server.FaceSearchServer;

/**
 * The real face pipeline, loaded once per test run and shared by every test server: loading the
 * networks takes seconds, analysing is thread-safe. Servers close their pipeline when they stop,
 * so each gets a view whose close does nothing; the networks go with the JVM.
 */
public final class SharedPipeline {
    private static FacePipeline pipeline;

    private SharedPipeline() {
    }

    /** A view of the shared pipeline, or null when no pipeline provider is on the class path. */
    public static synchronized FacePipeline view() {
        if (pipeline == null) {
            pipeline = FaceSearchServer.discoverPipeline();
            if (pipeline == null) {
                return null;
            }
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
