package io.facesearch.client;

import com.google.protobuf.Timestamp;
import com.google.protobuf.UnsafeByteOperations;
import io.facesearch.api.v1.BoundingBox;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectResponse;
import io.facesearch.api.v1.Embedding;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.FaceRecord;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.api.v1.VerifyResponse;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/** Translates between the API's messages and the client's values; knows no behaviour. */
final class MessageMapper {
    private MessageMapper() {
    }

    // --- to messages ---------------------------------------------------------------------------

    static CreateCollectionRequest createCollection(CollectionSpec spec) {
        CreateCollectionRequest.Builder b = CreateCollectionRequest.newBuilder().setName(spec.name())
                .setThreshold(spec.threshold()).setModelId(spec.modelId()).setEmbeddingDimension(spec.embeddingDimension());
        if (spec.metric() != null) {
            b.setMetric(metric(spec.metric()));
        }
        if (spec.indexFormat() != null) {
            b.setIndexFormat(switch (spec.indexFormat()) {
                case HNSW_FLOAT32 -> io.facesearch.api.v1.IndexFormat.HNSW_FLOAT32;
                case HNSW_INT8 -> io.facesearch.api.v1.IndexFormat.HNSW_INT8;
            });
        }
        if (!spec.quality().isEmpty()) {
            b.setQuality(qualitySettings(spec.quality()));
        }
        return b.setTargetFpir(spec.targetFpir()).build();
    }

    static io.facesearch.api.v1.QualitySettings qualitySettings(QualitySettings q) {
        io.facesearch.api.v1.QualitySettings.Builder b = io.facesearch.api.v1.QualitySettings.newBuilder();
        if (q.minScore() != null) {
            b.setMinScore(q.minScore());
        }
        if (q.maxBoxToFace() != null) {
            b.setMaxBoxToFace(q.maxBoxToFace());
        }
        if (q.minFacePx() != null) {
            b.setMinFacePx(q.minFacePx());
        }
        if (q.minSharpness() != null) {
            b.setMinSharpness(q.minSharpness());
        }
        if (q.maxYaw() != null) {
            b.setMaxYaw(q.maxYaw());
        }
        if (q.maxPitch() != null) {
            b.setMaxPitch(q.maxPitch());
        }
        if (q.maxRoll() != null) {
            b.setMaxRoll(q.maxRoll());
        }
        return b.build();
    }

    /** @param requestId the enrolment's own, or the one chosen for it */
    static EnrollRequest enroll(Enrollment e, String requestId) {
        EnrollRequest.Builder b = EnrollRequest.newBuilder().setCollection(e.collection()).setSubjectId(e.subjectId())
                .putAllMetadata(e.metadata()).setRequestId(requestId).setModelId(e.modelId());
        if (e.photo() != null) {
            b.setImage(UnsafeByteOperations.unsafeWrap(e.photo().bytes()));
        } else {
            b.setEmbedding(embedding(e.embedding()));
        }
        if (e.faceSelection() != null) {
            b.setFaceSelection(switch (e.faceSelection()) {
                case MAIN -> io.facesearch.api.v1.FaceSelection.MAIN;
                case ALL -> io.facesearch.api.v1.FaceSelection.ALL;
                case FAIL_IF_SEVERAL -> io.facesearch.api.v1.FaceSelection.FAIL_IF_SEVERAL;
            });
        }
        return b.build();
    }

    static io.facesearch.api.v1.SearchOptions searchOptions(SearchOptions o) {
        return io.facesearch.api.v1.SearchOptions.newBuilder().setTopK(o.topK()).setThreshold(o.threshold())
                .setExact(o.exact()).setTargetFpir(o.targetFpir()).setFaceMatches(o.faceMatches()).build();
    }

    static VerifyRequest verify(FaceReference first, FaceReference second, VerifyOptions o) {
        VerifyRequest.Builder b = VerifyRequest.newBuilder().setFirst(reference(first)).setSecond(reference(second))
                .setCollection(o.collection()).setThreshold(o.threshold()).setModelId(o.modelId());
        if (o.metric() != null) {
            b.setMetric(metric(o.metric()));
        }
        return b.build();
    }

    static DetectRequest detect(Photo photo, DetectOptions o) {
        return DetectRequest.newBuilder().setImage(UnsafeByteOperations.unsafeWrap(photo.bytes())).setExpressions(o.expressions())
                .setEmbeddings(o.embeddings()).setMaxFaces(o.maxFaces()).build();
    }

    static Embedding embedding(float[] values) {
        Embedding.Builder b = Embedding.newBuilder();
        for (float v : values) {
            b.addValues(v);
        }
        return b.build();
    }

    private static io.facesearch.api.v1.FaceReference reference(FaceReference r) {
        io.facesearch.api.v1.FaceReference.Builder b = io.facesearch.api.v1.FaceReference.newBuilder();
        return switch (r) {
            case FaceReference.OfPhoto p -> b.setImage(UnsafeByteOperations.unsafeWrap(p.photo().bytes())).build();
            case FaceReference.OfFace f -> b.setFaceId(f.faceId()).build();
            case FaceReference.OfSubject s -> b.setSubjectId(s.subjectId()).build();
            case FaceReference.OfEmbedding e -> b.setEmbedding(embedding(e.values())).build();
        };
    }

    private static io.facesearch.api.v1.Metric metric(Metric m) {
        return m == Metric.COSINE ? io.facesearch.api.v1.Metric.COSINE : io.facesearch.api.v1.Metric.EUCLIDEAN;
    }

    // --- from messages -------------------------------------------------------------------------

    static Collection collection(io.facesearch.api.v1.Collection c) {
        return new Collection(c.getName(), metric(c.getMetric()), c.getThreshold(),
                c.getIndexFormat() == io.facesearch.api.v1.IndexFormat.HNSW_INT8 ? IndexFormat.HNSW_INT8 : IndexFormat.HNSW_FLOAT32,
                c.getModelId(), c.getModelVersion(), c.getEmbeddingDimension(), c.getFaceCount(), c.getSubjectCount(),
                instant(c.getCreateTime()), c.getIndexSizeBytes(), c.getTargetFpir(), calibration(c.getOpenSetCalibration()),
                qualitySettings(c.getQuality()), c.getOwnQuality());
    }

    static OpenSetCalibration calibration(io.facesearch.api.v1.OpenSetCalibration c) {
        return new OpenSetCalibration(c.getImpostorSearches(), c.getSubjectCount(),
                c.hasEstimateTime() ? instant(c.getEstimateTime()) : null, thresholdSource(c.getSource()));
    }

    static QualitySettings qualitySettings(io.facesearch.api.v1.QualitySettings q) {
        return new QualitySettings(q.hasMinScore() ? q.getMinScore() : null, q.hasMaxBoxToFace() ? q.getMaxBoxToFace() : null,
                q.hasMinFacePx() ? q.getMinFacePx() : null, q.hasMinSharpness() ? q.getMinSharpness() : null,
                q.hasMaxYaw() ? q.getMaxYaw() : null, q.hasMaxPitch() ? q.getMaxPitch() : null,
                q.hasMaxRoll() ? q.getMaxRoll() : null);
    }

    static ThresholdSource thresholdSource(io.facesearch.api.v1.ThresholdSource s) {
        return switch (s) {
            case COLLECTION_ESTIMATE -> ThresholdSource.COLLECTION_ESTIMATE;
            case CALIBRATED_DEFAULT -> ThresholdSource.CALIBRATED_DEFAULT;
            case DISTANCE_THRESHOLD -> ThresholdSource.DISTANCE_THRESHOLD;
            default -> ThresholdSource.OTHER;
        };
    }

    static EnrollResult enrollResult(String requestId, EnrollResponse r) {
        List<EnrolledFace> faces = r.getFacesList().stream()
                .map(f -> new EnrolledFace(f.getFaceId(), f.hasBox() ? box(f.getBox()) : null, f.getQuality())).toList();
        List<RejectedFace> rejected = r.getRejectedList().stream()
                .map(f -> new RejectedFace(box(f.getBox()), reason(f.getReason()), f.getMessage())).toList();
        return new EnrollResult(requestId, faces, rejected, r.getReplayed());
    }

    static Matches matches(FaceMatches m) {
        List<SubjectCandidate> candidates = m.getCandidatesList().stream()
                .map(c -> new SubjectCandidate(c.getSubjectId(), c.getConfidence(), c.getDistance(), c.getFaceId(), c.getNearFaces()))
                .toList();
        io.facesearch.api.v1.OpenSetDecision o = m.getOpenSet();
        OpenSetDecision openSet = new OpenSetDecision(o.getTargetFpir(), o.getScore(), o.getThreshold(),
                thresholdSource(o.getSource()), o.getImpostorSearches());
        return new Matches(decision(m), candidates, openSet, m.getMatchesList().stream()
                .map(x -> new Match(x.getSubjectId(), x.getFaceId(), x.getSimilarity(), x.getDistance())).toList(),
                m.getThreshold(), metric(m.getMetric()));
    }

    /** A server that does not decide yet reports only {@code unknown}. */
    private static Decision decision(FaceMatches m) {
        return switch (m.getDecision()) {
            case IDENTIFIED -> Decision.IDENTIFIED;
            case UNKNOWN -> Decision.UNKNOWN;
            default -> m.getUnknown() ? Decision.UNKNOWN : Decision.IDENTIFIED;
        };
    }

    static FaceQuality faceQuality(io.facesearch.api.v1.DetectedFace f) {
        if (!f.hasFaceQuality()) {
            return null;
        }
        io.facesearch.api.v1.FaceQuality q = f.getFaceQuality();
        return new FaceQuality(q.getScore(), q.getBoxToFace(), q.getFacePixels(), q.getSharpness(), q.getYaw(), q.getPitch(),
                q.getRoll(), q.getPassed(), q.getPassed() ? null : reason(q.getReason()), q.getMessage());
    }

    static RejectedFace.Reason reason(io.facesearch.api.v1.RejectionReason reason) {
        return switch (reason) {
            case NOT_MAIN -> RejectedFace.Reason.NOT_MAIN;
            case SEVERAL_FACES -> RejectedFace.Reason.SEVERAL_FACES;
            case LOW_SCORE -> RejectedFace.Reason.LOW_SCORE;
            case LANDMARKS_DISAGREE -> RejectedFace.Reason.LANDMARKS_DISAGREE;
            case TOO_SMALL -> RejectedFace.Reason.TOO_SMALL;
            case BLURRY -> RejectedFace.Reason.BLURRY;
            case EXTREME_POSE -> RejectedFace.Reason.EXTREME_POSE;
            default -> RejectedFace.Reason.OTHER;
        };
    }

    static DetectedFace detectedFace(io.facesearch.api.v1.DetectedFace f) {
        Expressions expressions = null;
        if (f.hasExpressions()) {
            io.facesearch.api.v1.Expressions e = f.getExpressions();
            expressions = new Expressions(e.getNeutral(), e.getHappy(), e.getSad(), e.getAngry(), e.getFearful(),
                    e.getDisgusted(), e.getSurprised(), e.getDominant());
        }
        return new DetectedFace(box(f.getBox()), f.getQuality(), points(f.getLandmarksList()), expressions,
                f.hasEmbedding() ? floats(f.getEmbedding()) : null, faceQuality(f));
    }

    static Detection detection(DetectResponse r) {
        return new Detection(r.getImageWidth(), r.getImageHeight(),
                r.getFacesList().stream().map(MessageMapper::detectedFace).toList(), r.getModelId());
    }

    static VerifyResult verifyResult(VerifyResponse r) {
        return new VerifyResult(r.getDistance(), r.getSimilarity(), r.getMatch(), r.getThreshold(), metric(r.getMetric()),
                r.getMatchedFaceId().isEmpty() ? null : r.getMatchedFaceId(),
                // The float as sent (0.00891f widens to 0.008910000324).
                r.getFalseAcceptRateKnown() ? OptionalDouble.of(Double.parseDouble(Float.toString(r.getFalseAcceptRate())))
                        : OptionalDouble.empty(),
                r.getFalseAcceptRateKnown() && r.getFalseAcceptRateAtMost());
    }

    static Subject subject(io.facesearch.api.v1.Subject s) {
        return new Subject(s.getSubjectId(), s.getFaceCount(), instant(s.getCreateTime()));
    }

    static Face face(FaceRecord f) {
        return new Face(f.getFaceId(), f.getSubjectId(), f.hasBox() ? box(f.getBox()) : null, f.getQuality(),
                points(f.getLandmarksList()),
                f.getSource() == io.facesearch.api.v1.FaceSource.PRECOMPUTED ? Face.Source.PRECOMPUTED : Face.Source.IMAGE,
                f.getMetadataMap(), instant(f.getCreateTime()), f.getModelId(), f.hasEmbedding() ? floats(f.getEmbedding()) : null,
                f.getRequestId());
    }

    private static Metric metric(io.facesearch.api.v1.Metric m) {
        return m == io.facesearch.api.v1.Metric.COSINE ? Metric.COSINE : Metric.EUCLIDEAN;
    }

    private static Box box(BoundingBox b) {
        return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    private static List<Point> points(List<io.facesearch.api.v1.Point> points) {
        return points.stream().map(p -> new Point(p.getX(), p.getY())).toList();
    }

    private static float[] floats(Embedding e) {
        float[] values = new float[e.getValuesCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = e.getValues(i);
        }
        return values;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static ApiKey apiKey(io.facesearch.api.v1.ApiKey k) {
        return new ApiKey(k.getId(), k.getName(), k.getScopesList(), instant(k.getCreateTime()),
                k.hasExpireTime() ? instant(k.getExpireTime()) : null, k.hasRevokeTime() ? instant(k.getRevokeTime()) : null);
    }

    static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
