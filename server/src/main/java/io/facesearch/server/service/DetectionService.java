package io.facesearch.server.service;

import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;

/** Finds faces, landmarks and expressions in an image; stores nothing. */
public final class DetectionService {
    static final int MAX_FACES = RequestLimits.MAX_FACES_PER_IMAGE;

    private final PipelineGate pipeline;

    public DetectionService(PipelineGate pipeline) {
        this.pipeline = pipeline;
    }

    public FacePipeline.AnalyzedImage detect(byte[] image, boolean expressions, boolean embeddings, int maxFaces) {
        int limit = maxFaces == 0 ? MAX_FACES : maxFaces;
        if (limit < 1 || limit > MAX_FACES) {
            throw FaceSearchException.invalid("max_faces must be in [1, " + MAX_FACES + "], got " + maxFaces);
        }
        return pipeline.analyze(image, new AnalysisOptions(embeddings, expressions, limit));
    }

    public String modelId() {
        return pipeline.modelId();
    }
}
