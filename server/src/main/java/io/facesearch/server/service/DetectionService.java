package io.facesearch.server.service;

import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.quality.FaceQuality;
import io.facesearch.quality.QualityGate;
import java.util.List;

/** Finds faces, landmarks and expressions in an image; stores nothing. */
public final class DetectionService {
    static final int MAX_FACES = RequestLimits.MAX_FACES_PER_IMAGE;

    private final PipelineGate pipeline;
    private final QualityGate quality;

    /** @param quality the enrolment gate, whose verdict on each face is reported */
    public DetectionService(PipelineGate pipeline, QualityGate quality) {
        this.pipeline = pipeline;
        this.quality = quality;
    }

    /**
     * The faces of an image with the enrolment gate's verdict on each.
     *
     * @param quality one verdict per face of {@code image}, in its order
     */
    public record Detected(FacePipeline.AnalyzedImage image, List<QualityGate.Verdict> quality) {
        public Detected {
            quality = List.copyOf(quality);
        }
    }

    public Detected detect(byte[] image, boolean expressions, boolean embeddings, int maxFaces) {
        int limit = maxFaces == 0 ? MAX_FACES : maxFaces;
        if (limit < 1 || limit > MAX_FACES) {
            throw FaceSearchException.invalid("max_faces must be in [1, " + MAX_FACES + "], got " + maxFaces);
        }
        FacePipeline.AnalyzedImage analyzed = pipeline.analyze(image, new AnalysisOptions(embeddings, expressions, limit).withQuality(true));
        List<QualityGate.Verdict> verdicts = analyzed.quality().stream().map((FaceQuality q) -> quality.check(q)).toList();
        return new Detected(analyzed, verdicts);
    }

    public String modelId() {
        return pipeline.modelId();
    }
}
