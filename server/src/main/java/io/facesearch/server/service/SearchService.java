package io.facesearch.server.service;

import io.facesearch.compare.MatchThreshold;
import io.facesearch.domain.StoredFace;
import io.facesearch.face.Face;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.quality.QualityGate;
import io.facesearch.store.Neighbor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds enrolled faces near a query: an image (each face in it), an embedding or an enrolled face.
 * Approximate searches use the collection's index; exact ones compare with every face of the
 * store, the source of truth, which makes them the reference for audits of the index.
 */
public final class SearchService {
    private final CollectionRegistry registry;
    private final PipelineGate pipeline;
    private final QualityGate quality;

    /** @param quality the enrolment gate, whose verdict on each query face is reported (never applied) */
    public SearchService(CollectionRegistry registry, PipelineGate pipeline, QualityGate quality) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.quality = quality;
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
                    quality.check(analyzed.quality().get(i))));
        }
        return results;
    }

    public MatchList searchEmbedding(String collectionName, float[] query, SearchOptions options, String modelId) {
        OpenCollection collection = registry.get(collectionName);
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
        MatchThreshold rule = collection.record().metric().threshold(threshold);
        int wanted = options.topK() + (exclude == null ? 0 : 1);
        return collection.use(() -> {
            List<Neighbor> neighbors = options.exact() ? collection.index().searchExact(query, wanted)
                    : collection.index().search(query, wanted);
            List<UUID> ids = new ArrayList<>();
            for (Neighbor n : neighbors) {
                if (rule.matches(n.distance()) && !n.faceId().equals(exclude) && ids.size() < options.topK()) {
                    ids.add(n.faceId());
                }
            }
            Map<UUID, String> subjects = new HashMap<>();
            for (StoredFace face : collection.store().getAll(ids)) {
                subjects.put(face.faceId(), face.subjectId());
            }
            List<Match> matches = new ArrayList<>();
            for (Neighbor n : neighbors) {
                String subject = subjects.get(n.faceId());
                // Absent: deleted between the index search and this read.
                if (subject != null) {
                    matches.add(new Match(subject, n.faceId(), (float) rule.similarityPercent(n.distance()), n.distance()));
                }
            }
            return new MatchList(matches, threshold, collection.record().metric());
        });
    }

}
