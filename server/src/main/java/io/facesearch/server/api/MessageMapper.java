package io.facesearch.server.api;

import com.google.protobuf.Timestamp;
import io.facesearch.api.v1.BoundingBox;
import io.facesearch.api.v1.Collection;
import io.facesearch.api.v1.DetectedFace;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.EnrolledFace;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.FaceRecord;
import io.facesearch.api.v1.FaceSource;
import io.facesearch.api.v1.OpenSetCalibration;
import io.facesearch.api.v1.OpenSetDecision;
import io.facesearch.api.v1.Point;
import io.facesearch.api.v1.QualitySettings;
import io.facesearch.api.v1.RejectedFace;
import io.facesearch.api.v1.RejectionReason;
import io.facesearch.api.v1.Subject;
import io.facesearch.api.v1.VerifyResponse;
import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import io.facesearch.face.Expression;
import io.facesearch.face.Face;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.identify.Decision;
import io.facesearch.identify.Identification;
import io.facesearch.identify.RankedSubject;
import io.facesearch.pipeline.FaceSelection;
import io.facesearch.quality.FaceQuality;
import io.facesearch.quality.QualityGate;
import io.facesearch.server.service.CollectionInfo;
import io.facesearch.server.service.Echo;
import io.facesearch.server.service.EnrollResult;
import io.facesearch.server.service.Enrollment;
import io.facesearch.server.service.FaceReference;
import io.facesearch.server.service.FaceSearchException;
import io.facesearch.server.service.Match;
import io.facesearch.server.service.MatchList;
import io.facesearch.server.service.QualitySpec;
import io.facesearch.server.service.Rejection;
import io.facesearch.server.service.SearchOptions;
import io.facesearch.server.service.ThresholdSource;
import io.facesearch.server.service.Verification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Translates between API messages and the services' values; knows no behaviour. */
final class MessageMapper {
    private MessageMapper() {
    }

    static Metric metric(io.facesearch.api.v1.Metric metric) {
        return switch (metric) {
            case METRIC_UNSPECIFIED -> null;
            case EUCLIDEAN -> Metric.EUCLIDEAN;
            case COSINE -> Metric.COSINE;
            case UNRECOGNIZED -> throw FaceSearchException.invalid("unknown metric; use EUCLIDEAN or COSINE");
        };
    }

    static io.facesearch.api.v1.Metric metric(Metric metric) {
        return metric == Metric.COSINE ? io.facesearch.api.v1.Metric.COSINE : io.facesearch.api.v1.Metric.EUCLIDEAN;
    }

    static IndexFormat indexFormat(io.facesearch.api.v1.IndexFormat format) {
        return switch (format) {
            case INDEX_FORMAT_UNSPECIFIED -> null;
            case HNSW_FLOAT32 -> IndexFormat.HNSW_FLOAT32;
            case HNSW_INT8 -> IndexFormat.HNSW_INT8;
            case UNRECOGNIZED -> throw FaceSearchException.invalid("unknown index format; use HNSW_FLOAT32 or HNSW_INT8");
        };
    }

    static io.facesearch.api.v1.IndexFormat indexFormat(IndexFormat format) {
        return format == IndexFormat.HNSW_INT8 ? io.facesearch.api.v1.IndexFormat.HNSW_INT8 : io.facesearch.api.v1.IndexFormat.HNSW_FLOAT32;
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Collection collection(CollectionInfo info) {
        CollectionRecord r = info.record();
        int at = r.modelId().lastIndexOf('@');
        return Collection.newBuilder()
                .setName(r.name())
                .setMetric(metric(r.metric()))
                .setThreshold(r.threshold())
                .setIndexFormat(indexFormat(r.indexFormat()))
                .setModelId(r.modelId())
                .setModelVersion(at < 0 ? "" : r.modelId().substring(at + 1))
                .setEmbeddingDimension(r.dimension())
                .setFaceCount(info.faceCount())
                .setSubjectCount(info.subjectCount())
                .setCreateTime(timestamp(r.created()))
                .setIndexSizeBytes(info.indexSizeBytes())
                .setIndexLag(info.indexLag())
                .setTargetFpir(r.targetFpir())
                .setOpenSetCalibration(openSetCalibration(info))
                .setQuality(qualitySettings(info.quality()))
                .setOwnQuality(r.quality() != null)
                .build();
    }

    private static OpenSetCalibration openSetCalibration(CollectionInfo info) {
        OpenSetCalibration.Builder b = OpenSetCalibration.newBuilder().setSource(thresholdSource(info.thresholdSource()));
        info.calibration().ifPresent(e -> b.setImpostorSearches(e.impostors().size()).setSubjectCount(e.subjectCount())
                .setEstimateTime(timestamp(e.at())));
        return b.build();
    }

    static io.facesearch.api.v1.ThresholdSource thresholdSource(ThresholdSource source) {
        return switch (source) {
            case COLLECTION_ESTIMATE -> io.facesearch.api.v1.ThresholdSource.COLLECTION_ESTIMATE;
            case CALIBRATED_DEFAULT -> io.facesearch.api.v1.ThresholdSource.CALIBRATED_DEFAULT;
            case DISTANCE_THRESHOLD -> io.facesearch.api.v1.ThresholdSource.DISTANCE_THRESHOLD;
        };
    }

    static QualitySettings qualitySettings(QualityGate g) {
        return QualitySettings.newBuilder().setMinScore(g.minScore()).setMaxBoxToFace(g.maxBoxToFace())
                .setMinFacePx(g.minFacePixels()).setMinSharpness(g.minSharpness()).setMaxYaw(g.maxYaw())
                .setMaxPitch(g.maxPitch()).setMaxRoll(g.maxRoll()).build();
    }

    static QualitySpec qualitySpec(QualitySettings q) {
        return new QualitySpec(q.hasMinScore() ? q.getMinScore() : null, q.hasMaxBoxToFace() ? q.getMaxBoxToFace() : null,
                q.hasMinFacePx() ? q.getMinFacePx() : null, q.hasMinSharpness() ? q.getMinSharpness() : null,
                q.hasMaxYaw() ? q.getMaxYaw() : null, q.hasMaxPitch() ? q.getMaxPitch() : null,
                q.hasMaxRoll() ? q.getMaxRoll() : null);
    }

    static UUID faceId(String text) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw FaceSearchException.invalid("face id " + Echo.quote(text) + " is not a face id: expected a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        }
    }

    static float[] embedding(io.facesearch.api.v1.Embedding embedding) {
        float[] values = new float[embedding.getValuesCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = embedding.getValues(i);
        }
        return values;
    }

    static io.facesearch.api.v1.Embedding embedding(float[] values) {
        io.facesearch.api.v1.Embedding.Builder b = io.facesearch.api.v1.Embedding.newBuilder();
        for (float v : values) {
            b.addValues(v);
        }
        return b.build();
    }

    static BoundingBox box(FaceBox box) {
        return BoundingBox.newBuilder().setX(box.x()).setY(box.y()).setWidth(box.width()).setHeight(box.height()).build();
    }

    static List<Point> points(Landmarks landmarks) {
        float[] xy = landmarks.toArray();
        Point[] points = new Point[Landmarks.COUNT];
        for (int i = 0; i < points.length; i++) {
            points[i] = Point.newBuilder().setX(xy[2 * i]).setY(xy[2 * i + 1]).build();
        }
        return List.of(points);
    }

    static Enrollment enrollment(EnrollRequest request) {
        FaceSelection selection = switch (request.getFaceSelection()) {
            case FACE_SELECTION_UNSPECIFIED, MAIN -> FaceSelection.MAIN;
            case ALL -> FaceSelection.ALL;
            case FAIL_IF_SEVERAL -> FaceSelection.FAIL_IF_SEVERAL;
            case UNRECOGNIZED -> throw FaceSearchException.invalid("unknown face_selection; use MAIN, ALL or FAIL_IF_SEVERAL");
        };
        byte[] image = request.hasImage() ? request.getImage().toByteArray() : null;
        float[] embedding = request.hasEmbedding() ? embedding(request.getEmbedding()) : null;
        return new Enrollment(request.getCollection(), request.getSubjectId(), image, embedding, request.getMetadataMap(),
                selection, request.getRequestId(), request.getModelId());
    }

    static EnrollResponse enrollResponse(EnrollResult result) {
        EnrollResponse.Builder b = EnrollResponse.newBuilder().setReplayed(result.replayed());
        for (StoredFace f : result.faces()) {
            EnrolledFace.Builder face = EnrolledFace.newBuilder().setFaceId(f.faceId().toString()).setQuality(f.quality());
            if (f.box() != null) {
                face.setBox(box(f.box()));
            }
            b.addFaces(face);
        }
        for (Rejection r : result.rejected()) {
            b.addRejected(RejectedFace.newBuilder().setBox(box(r.box())).setMessage(r.message()).setReason(rejectionReason(r.reason())));
        }
        return b.build();
    }

    static RejectionReason rejectionReason(Rejection.Reason reason) {
        return switch (reason) {
            case NOT_MAIN -> RejectionReason.NOT_MAIN;
            case SEVERAL_FACES -> RejectionReason.SEVERAL_FACES;
            case LOW_SCORE -> RejectionReason.LOW_SCORE;
            case LANDMARKS_DISAGREE -> RejectionReason.LANDMARKS_DISAGREE;
            case TOO_SMALL -> RejectionReason.TOO_SMALL;
            case BLURRY -> RejectionReason.BLURRY;
            case EXTREME_POSE -> RejectionReason.EXTREME_POSE;
        };
    }

    /** The measures and the gate's verdict; the reason is unspecified when the face passes. */
    static io.facesearch.api.v1.FaceQuality faceQuality(QualityGate.Verdict verdict) {
        FaceQuality q = verdict.quality();
        io.facesearch.api.v1.FaceQuality.Builder b = io.facesearch.api.v1.FaceQuality.newBuilder()
                .setScore(q.score()).setBoxToFace((float) q.boxToFace()).setFacePixels((float) q.facePixels())
                .setSharpness((float) q.sharpness()).setYaw((float) q.yaw()).setPitch((float) q.pitch()).setRoll((float) q.roll())
                .setPassed(verdict.passed());
        if (!verdict.passed()) {
            b.setReason(rejectionReason(Rejection.Reason.of(verdict.issue()))).setMessage(verdict.message());
        }
        return b.build();
    }

    static FaceRecord faceRecord(StoredFace f, boolean includeEmbedding) {
        FaceRecord.Builder b = FaceRecord.newBuilder()
                .setFaceId(f.faceId().toString())
                .setSubjectId(f.subjectId())
                .setQuality(f.quality())
                .setSource(f.source() == StoredFace.Source.IMAGE ? FaceSource.IMAGE : FaceSource.PRECOMPUTED)
                .putAllMetadata(f.metadata())
                .setCreateTime(timestamp(f.created()))
                .setModelId(f.modelId())
                .setRequestId(f.requestId());
        if (f.box() != null) {
            b.setBox(box(f.box()));
        }
        if (f.landmarks() != null) {
            b.addAllLandmarks(points(f.landmarks()));
        }
        if (includeEmbedding) {
            b.setEmbedding(embedding(f.embedding()));
        }
        return b.build();
    }

    static Subject subject(SubjectSummary s) {
        return Subject.newBuilder().setSubjectId(s.subjectId()).setFaceCount(s.faceCount()).setCreateTime(timestamp(s.created())).build();
    }

    static SearchOptions searchOptions(io.facesearch.api.v1.SearchOptions options) {
        return new SearchOptions(options.getTopK(), options.getThreshold(), options.getExact(), options.getTargetFpir(),
                options.getFaceMatches());
    }

    static FaceMatches faceMatches(MatchList list) {
        Identification id = list.identification();
        FaceMatches.Builder b = FaceMatches.newBuilder().setUnknown(list.unknown()).setThreshold(list.threshold())
                .setMetric(metric(list.metric()))
                .setDecision(id.decision() == Decision.IDENTIFIED ? io.facesearch.api.v1.Decision.IDENTIFIED
                        : io.facesearch.api.v1.Decision.UNKNOWN)
                .setOpenSet(OpenSetDecision.newBuilder().setTargetFpir(list.basis().targetFpir()).setScore(id.score())
                        .setThreshold(id.threshold()).setSource(thresholdSource(list.basis().source()))
                        .setImpostorSearches(list.basis().impostorSearches()));
        for (RankedSubject s : id.candidates()) {
            b.addCandidates(io.facesearch.api.v1.SubjectCandidate.newBuilder().setSubjectId(s.subjectId())
                    .setConfidence((float) s.confidence()).setDistance((float) s.distance()).setFaceId(s.candidate().faceId())
                    .setNearFaces(s.candidate().nearFaces()));
        }
        for (Match m : list.matches()) {
            b.addMatches(io.facesearch.api.v1.Match.newBuilder().setSubjectId(m.subjectId()).setFaceId(m.faceId().toString())
                    .setSimilarity(m.similarity()).setDistance(m.distance()));
        }
        return b.build();
    }

    /** @param quality the face's measures and the enrolment gate's verdict, or null when not measured */
    static DetectedFace detectedFace(Face face, boolean includeEmbedding, QualityGate.Verdict quality) {
        DetectedFace.Builder b = DetectedFace.newBuilder().setBox(box(face.box())).setQuality(face.score());
        if (quality != null) {
            b.setFaceQuality(faceQuality(quality));
        }
        if (face.landmarks() != null) {
            b.addAllLandmarks(points(face.landmarks()));
        }
        if (face.expressions() != null) {
            io.facesearch.face.Expressions e = face.expressions();
            b.setExpressions(io.facesearch.api.v1.Expressions.newBuilder()
                    .setNeutral(e.probability(Expression.NEUTRAL)).setHappy(e.probability(Expression.HAPPY))
                    .setSad(e.probability(Expression.SAD)).setAngry(e.probability(Expression.ANGRY))
                    .setFearful(e.probability(Expression.FEARFUL)).setDisgusted(e.probability(Expression.DISGUSTED))
                    .setSurprised(e.probability(Expression.SURPRISED)).setDominant(e.dominant().label()));
        }
        if (includeEmbedding && face.embedding() != null) {
            b.setEmbedding(embedding(face.embedding().toArray()));
        }
        return b.build();
    }

    static FaceReference faceReference(io.facesearch.api.v1.FaceReference reference, String side) {
        return switch (reference.getReferenceCase()) {
            case IMAGE -> new FaceReference.Image(reference.getImage().toByteArray());
            case FACE_ID -> new FaceReference.Enrolled(faceId(reference.getFaceId()));
            case SUBJECT_ID -> new FaceReference.Subject(reference.getSubjectId());
            case EMBEDDING -> new FaceReference.Embedding(embedding(reference.getEmbedding()));
            case REFERENCE_NOT_SET -> throw FaceSearchException.invalid(side + " is empty: give an image, a face_id, a subject_id or an embedding");
        };
    }

    static VerifyResponse verifyResponse(Verification v) {
        VerifyResponse.Builder b = VerifyResponse.newBuilder().setDistance(v.distance()).setSimilarity(v.similarity())
                .setMatch(v.match()).setThreshold(v.threshold()).setMetric(metric(v.metric()))
                .setMatchedFaceId(v.matchedFaceId() == null ? "" : v.matchedFaceId().toString());
        if (v.falseAcceptRate() != null) {
            b.setFalseAcceptRate((float) v.falseAcceptRate().rate()).setFalseAcceptRateKnown(true)
                    .setFalseAcceptRateAtMost(v.falseAcceptRate().atMost());
        }
        return b.build();
    }
}
