package io.facesearch.server.service;

import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.NewFace;
import io.facesearch.domain.StoredFace;
import io.facesearch.face.Face;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FaceSelection;
import io.facesearch.quality.QualityGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enrols faces: analyses images (or takes embeddings), checks them against the collection, stores
 * them durably; the storage backend makes them searchable. A batch of enrolments is one store write
 * per collection it touches (one synced write for the embedded backend), which is what makes
 * streamed enrolment fast.
 */
public final class EnrollmentService {
    private final CollectionRegistry registry;
    private final PipelineGate pipeline;
    private final QualityGates quality;

    /** @param quality what every face enrolled from an image must pass: each collection's gate */
    public EnrollmentService(CollectionRegistry registry, PipelineGate pipeline, QualityGates quality) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.quality = quality;
    }

    /** Enrols one photo or embedding; throws {@link FaceSearchException} when it is refused. */
    public EnrollResult enroll(Enrollment enrollment) {
        Attempt attempt = enrollAll(List.of(enrollment)).getFirst();
        if (attempt.error() != null) {
            throw attempt.error();
        }
        return attempt.result();
    }

    /** What came of one enrolment of a batch: exactly one of the two is set. */
    public record Attempt(EnrollResult result, RuntimeException error) {
    }

    /** Enrols a batch; each enrolment succeeds or fails on its own. Results are in the order given. */
    public List<Attempt> enrollAll(List<Enrollment> enrollments) {
        Attempt[] results = new Attempt[enrollments.size()];
        Map<String, List<Integer>> byCollection = new LinkedHashMap<>();
        Prepared[] prepared = new Prepared[enrollments.size()];
        for (int i = 0; i < enrollments.size(); i++) {
            try {
                prepared[i] = prepare(enrollments.get(i));
                byCollection.computeIfAbsent(enrollments.get(i).collection(), k -> new ArrayList<>()).add(i);
            } catch (RuntimeException e) {
                results[i] = new Attempt(null, e);
            }
        }
        for (Map.Entry<String, List<Integer>> group : byCollection.entrySet()) {
            store(group.getValue(), prepared, results);
        }
        return List.of(results);
    }

    /** An enrolment checked and analysed, ready to store; {@code item} is null when nothing is to be stored. */
    private record Prepared(OpenCollection collection, EnrollItem item, List<Rejection> rejected) {
    }

    private Prepared prepare(Enrollment enrollment) {
        OpenCollection collection = registry.get(enrollment.collection());
        String subject = RequestLimits.subjectId(enrollment.subjectId());
        RequestLimits.requestId(enrollment.requestId());
        RequestLimits.metadata(enrollment.metadata());
        RequestLimits.modelId(enrollment.modelId());
        int dimension = collection.record().dimension();
        String modelId = collection.record().modelId();
        if ((enrollment.image() == null) == (enrollment.embedding() == null)) {
            throw FaceSearchException.invalid("send exactly one of image and embedding");
        }
        if (enrollment.embedding() != null) {
            if (!enrollment.modelId().isEmpty() && !enrollment.modelId().equals(modelId)) {
                throw modelMismatch(collection, enrollment.modelId());
            }
            float[] embedding = RequestLimits.embedding(enrollment.embedding(), dimension);
            NewFace face = new NewFace(embedding, null, 1, null, StoredFace.Source.PRECOMPUTED);
            return new Prepared(collection, new EnrollItem(enrollment.requestId(), subject, List.of(face), enrollment.metadata(), modelId), List.of());
        }
        if (!pipeline.available() || !pipeline.modelId().equals(modelId)) {
            throw pipeline.available() ? modelMismatch(collection, pipeline.modelId()) : noPipeline();
        }
        // Every face is located, so that each refused one comes back with its box; only kept ones are embedded.
        FaceSelection selection = enrollment.selection();
        FacePipeline.AnalyzedImage analyzed = pipeline.analyze(enrollment.image(), selection.analysisOptions(true).withQuality(true));
        List<Face> found = analyzed.faces();
        // The selection comes first: when the main face is refused on quality, a bystander must not
        // take its place under the subject's name. The kept faces are the first ones found.
        List<Face> kept = selection.keep(found);
        List<NewFace> faces = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        QualityGate gate = quality.of(collection.record());
        for (int i = 0; i < kept.size(); i++) {
            Face f = kept.get(i);
            QualityGate.Verdict verdict = gate.check(analyzed.quality().get(i));
            if (verdict.passed()) {
                faces.add(new NewFace(f.embedding().toArray(), f.box(), f.score(), f.landmarks(), StoredFace.Source.IMAGE));
            } else {
                rejected.add(new Rejection(f.box(), Rejection.Reason.of(verdict.issue()), "below the collection's quality settings: " + verdict.message()));
            }
        }
        for (Face f : found.subList(kept.size(), found.size())) {
            rejected.add(selection == FaceSelection.FAIL_IF_SEVERAL
                    ? new Rejection(f.box(), Rejection.Reason.SEVERAL_FACES,
                            "the image holds " + found.size() + " faces and face_selection is FAIL_IF_SEVERAL")
                    : new Rejection(f.box(), Rejection.Reason.NOT_MAIN, "the photo's main face (larger or nearer the centre) was enrolled"));
        }
        EnrollItem item = faces.isEmpty() ? null : new EnrollItem(enrollment.requestId(), subject, faces, enrollment.metadata(), modelId);
        return new Prepared(collection, item, rejected);
    }

    private static void store(List<Integer> indexes, Prepared[] prepared, Attempt[] results) {
        OpenCollection collection = prepared[indexes.getFirst()].collection();
        List<Integer> toStore = new ArrayList<>();
        for (int i : indexes) {
            if (prepared[i].item() == null) {
                results[i] = new Attempt(new EnrollResult(List.of(), prepared[i].rejected(), false), null);
            } else {
                toStore.add(i);
            }
        }
        if (toStore.isEmpty()) {
            return;
        }
        try {
            // Durable when this returns; the backend keeps the index in step (see FaceStore).
            List<Enrolled> enrolled = collection.use(() -> collection.store().enroll(toStore.stream().map(i -> prepared[i].item()).toList()));
            for (int j = 0; j < toStore.size(); j++) {
                int i = toStore.get(j);
                Enrolled e = enrolled.get(j);
                results[i] = new Attempt(new EnrollResult(e.faces(), prepared[i].rejected(), e.replayed()), null);
            }
        } catch (RuntimeException e) {
            for (int i : toStore) {
                results[i] = new Attempt(null, e);
            }
        }
    }

    static FaceSearchException modelMismatch(OpenCollection collection, String modelId) {
        return new FaceSearchException(FaceSearchException.Kind.FAILED_PRECONDITION, "collection '" + collection.record().name()
                + "' holds embeddings of model '" + collection.record().modelId() + "', not " + Echo.quote(modelId)
                + ": embeddings of different models cannot be compared; use a collection created for this model");
    }

    static FaceSearchException noPipeline() {
        return new FaceSearchException(FaceSearchException.Kind.FAILED_PRECONDITION,
                "this server runs without a face pipeline: send precomputed embeddings, or install the models module");
    }
}
