package io.facesearch.server.service;

import io.facesearch.compare.FalseAcceptRate;
import io.facesearch.compare.MatchThreshold;
import io.facesearch.domain.Metric;
import io.facesearch.domain.StoredFace;
import io.facesearch.face.Face;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.FaceSelection;
import java.util.List;
import java.util.UUID;

/** Decides whether two faces are the same person. */
public final class VerificationService {
    private final CollectionRegistry registry;
    private final PipelineGate pipeline;

    public VerificationService(CollectionRegistry registry, PipelineGate pipeline) {
        this.registry = registry;
        this.pipeline = pipeline;
    }

    /**
     * @param collectionName the collection of enrolled references and whose metric applies; may be
     *     null when both sides are images or embeddings
     * @param metric used without a collection; null means EUCLIDEAN
     * @param threshold 0 means the collection's, or the metric's default
     * @param modelId the model of the embedding sides; null or empty when not named. It must be the
     *     collection's, or the pipeline's when a side is an image
     */
    public Verification verify(FaceReference first, FaceReference second, String collectionName, Metric metric, float threshold,
            String modelId) {
        if (first instanceof FaceReference.Subject && second instanceof FaceReference.Subject) {
            throw FaceSearchException.invalid("at most one side may be a subject: compare a subject with an image, a face or an embedding");
        }
        if (first == null || second == null) {
            throw FaceSearchException.invalid("both sides of a verification are required");
        }
        OpenCollection collection = collectionName == null || collectionName.isEmpty() ? null : registry.get(collectionName);
        Metric used = collection != null ? collection.record().metric() : metric == null ? Metric.EUCLIDEAN : metric;
        if (threshold < 0 || !Float.isFinite(threshold)) {
            throw FaceSearchException.invalid("threshold must be a positive distance, or 0 for the default");
        }
        float applied = threshold != 0 ? threshold : collection != null ? collection.record().threshold() : used.defaultThreshold();
        String comparedModel = comparedModel(first, second, collection, modelId);
        // A subject side is resolved against the other side, so resolve the other one first.
        boolean subjectFirst = first instanceof FaceReference.Subject;
        Side a = resolve(subjectFirst ? second : first, collection, null, used);
        Side b = resolve(subjectFirst ? first : second, collection, a.vector(), used);
        float distance = used.distance(a.vector(), b.vector());
        // With a subject side, b is that subject's face; otherwise any enrolled side will do.
        UUID matched = b.faceId() != null ? b.faceId() : a.faceId();
        MatchThreshold rule = used.threshold(applied);
        return new Verification(distance, (float) rule.similarityPercent(distance), rule.matches(distance), applied, used, matched,
                falseAcceptRate(used, comparedModel, applied));
    }

    /**
     * The model whose embeddings are compared: the collection's, else the pipeline's when a side is
     * an image, else the one the request names (empty when it names none).
     */
    private String comparedModel(FaceReference first, FaceReference second, OpenCollection collection, String requested) {
        String named = requested == null ? "" : requested;
        boolean image = first instanceof FaceReference.Image || second instanceof FaceReference.Image;
        String known = collection != null ? collection.record().modelId() : image && pipeline.available() ? pipeline.modelId() : null;
        if (known == null) {
            return named;
        }
        if (!named.isEmpty() && !named.equals(known)) {
            throw FaceSearchException.invalid("model_id '" + named + "' is not the model of the faces compared, '" + known + "'");
        }
        return known;
    }

    /** The rate measured for the model and metric compared, or null when none was. */
    private static FalseAcceptRate falseAcceptRate(Metric metric, String modelId, float threshold) {
        // The threshold as written (the float 0.6f is 0.6000000238), so that a table point reads exactly.
        return FacePipelines.falseAcceptRates(modelId, metric.distanceMetric())
                .map(rates -> rates.at(Double.parseDouble(Float.toString(threshold)))).orElse(null);
    }

    private record Side(float[] vector, UUID faceId) {
    }

    private Side resolve(FaceReference reference, OpenCollection collection, float[] other, Metric metric) {
        return switch (reference) {
            case FaceReference.Image image -> {
                if (collection != null && pipeline.available() && !pipeline.modelId().equals(collection.record().modelId())) {
                    throw EnrollmentService.modelMismatch(collection, pipeline.modelId());
                }
                List<Face> faces = pipeline.analyze(image.bytes(), FaceSelection.MAIN.analysisOptions(false)).faces();
                if (faces.isEmpty()) {
                    throw FaceSearchException.invalid("no face was found in an image to verify");
                }
                yield new Side(faces.getFirst().embedding().toArray(), null);
            }
            case FaceReference.Embedding embedding -> {
                int dimension = collection != null ? collection.record().dimension() : other != null ? other.length : embedding.values().length;
                yield new Side(RequestLimits.embedding(embedding.values(), dimension), null);
            }
            case FaceReference.Enrolled enrolled -> {
                OpenCollection c = requireCollection(collection, "a face id");
                float[] vector = c.use(() -> c.store().embedding(enrolled.faceId()));
                if (vector == null) {
                    throw FaceSearchException.notFound("face " + enrolled.faceId() + " is not in collection '" + c.record().name() + "'");
                }
                yield new Side(vector, enrolled.faceId());
            }
            case FaceReference.Subject subject -> {
                OpenCollection c = requireCollection(collection, "a subject");
                RequestLimits.subjectId(subject.subjectId());
                List<StoredFace> faces = c.use(() -> c.store().facesOf(subject.subjectId()));
                if (faces.isEmpty()) {
                    throw FaceSearchException.notFound("subject " + Echo.quote(subject.subjectId()) + " has no face in collection '" + c.record().name() + "'");
                }
                StoredFace nearest = faces.getFirst();
                for (StoredFace f : faces) {
                    if (metric.distance(other, f.embedding()) < metric.distance(other, nearest.embedding())) {
                        nearest = f;
                    }
                }
                yield new Side(nearest.embedding(), nearest.faceId());
            }
        };
    }

    private static OpenCollection requireCollection(OpenCollection collection, String what) {
        if (collection == null) {
            throw FaceSearchException.invalid("verifying " + what + " needs the collection it is enrolled in");
        }
        return collection;
    }
}
