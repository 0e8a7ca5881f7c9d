package io.facesearch.server.service;

import io.facesearch.compare.MatchThreshold;
import io.facesearch.face.Face;
import io.facesearch.identify.FaceCandidate;
import io.facesearch.identify.Identification;
import io.facesearch.identify.IdentificationDefaults;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.store.Neighbor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Identifies a query, an image (each face in it), an embedding or an enrolled face: the nearest
 * faces without a distance cut go to the collection's identification rule, which answers
 * identified or unknown with the nearest subjects; the face-level matches within the distance
 * threshold come on request. Approximate searches use the collection's index; exact ones compare
 * with every face of the store, the source of truth, which makes them the reference for audits of
 * the index.
 */
public final class SearchService {
    private final CollectionRegistry registry;
    private final PipelineGate pipeline;
    private final QualityGates quality;
    private final OpenSetCalibrations calibrations;

    /**
     * @param quality the enrolment gates, whose verdict on each query face is reported (never applied)
     * @param calibrations each collection's identification rule
     */
    public SearchService(CollectionRegistry registry, PipelineGate pipeline, QualityGates quality,
            OpenSetCalibrations calibrations) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.quality = quality;
        this.calibrations = calibrations;
    }

    public List<ImageMatches> searchImage(String collectionName, byte[] image, SearchOptions options) {
        OpenCollection collection = registry.get(collectionName);
        if (!pipeline.available()) {
            throw EnrollmentService.noPipeline();
        }
        if (!pipeline.modelId().equals(collection.record().modelId())) {
            throw EnrollmentService.modelMismatch(collection, pipeline.modelId());
        }
        FacePipeline.AnalyzedImage analyzed = pipeline.analyze(image, AnalysisOptions.DEFAULT.withQuality(true));
        List<ImageMatches> results = new ArrayList<>();
        for (int i = 0; i < analyzed.faces().size(); i++) {
            Face face = analyzed.faces().get(i);
            results.add(new ImageMatches(face, matches(collection, face.embedding().toArray(), options, null),
                    quality.of(collection.record()).check(analyzed.quality().get(i))));
        }
        return results;
    }

    public MatchList searchEmbedding(String collectionName, float[] query, SearchOptions options, String modelId) {
        OpenCollection collection = registry.get(collectionName);
        RequestLimits.modelId(modelId);
        if (modelId != null && !modelId.isEmpty() && !modelId.equals(collection.record().modelId())) {
            throw EnrollmentService.modelMismatch(collection, modelId);
        }
        return matches(collection, RequestLimits.embedding(query, collection.record().dimension()), options, null);
    }

    /** Faces near an enrolled face, the face itself excluded. */
    public MatchList searchFaceId(String collectionName, UUID faceId, SearchOptions options) {
        OpenCollection collection = registry.get(collectionName);
        float[] query = collection.use(() -> collection.store().embedding(faceId));
        if (query == null) {
            throw FaceSearchException.notFound("face " + faceId + " is not in collection '" + collectionName + "'");
        }
        return matches(collection, query, options, faceId);
    }

    private MatchList matches(OpenCollection collection, float[] query, SearchOptions options, UUID exclude) {
        float threshold = options.threshold() == 0 ? collection.record().threshold() : options.threshold();
        MatchThreshold faceRule = collection.record().metric().threshold(threshold);
        // The decision needs the runner-up subject: the nearest faces without the 1:1 distance cut.
        int wanted = Math.max(options.topK(), IdentificationDefaults.FACES_PER_SEARCH) + (exclude == null ? 0 : 1);
        return collection.use(() -> {
            IdentificationRule rule = calibrations.rule(collection, options.targetFpir());
            List<Neighbor> neighbors = options.exact() ? collection.index().searchExact(query, wanted)
                    : collection.index().search(query, wanted);
            List<FaceCandidate> nearest = NearestFaces.resolve(collection, neighbors, n -> !n.faceId().equals(exclude));
            Identification identification = rule.decide(nearest);
            if (identification.candidates().size() > options.topK()) {
                identification = new Identification(identification.decision(), identification.confidence(), identification.score(),
                        identification.threshold(), identification.candidates().subList(0, options.topK()));
            }
            List<Match> matches = new ArrayList<>();
            if (options.faceMatches()) {
                for (FaceCandidate c : nearest) {
                    if (faceRule.matches(c.distance()) && matches.size() < options.topK()) {
                        matches.add(new Match(c.subjectId(), UUID.fromString(c.faceId()),
                                (float) faceRule.similarityPercent(c.distance()), (float) c.distance()));
                    }
                }
            }
            return new MatchList(matches, threshold, collection.record().metric(), identification, rule.basis());
        });
    }
}
