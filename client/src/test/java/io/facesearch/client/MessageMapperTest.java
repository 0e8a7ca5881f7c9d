package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.FaceMatches;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translation of searches and collections between the API's messages and the client's values. */
class MessageMapperTest {

    static FaceMatches.Builder identifiedAsBush() {
        return FaceMatches.newBuilder().setDecision(io.facesearch.api.v1.Decision.IDENTIFIED).setThreshold(0.6f)
                .setMetric(io.facesearch.api.v1.Metric.EUCLIDEAN)
                .addCandidates(io.facesearch.api.v1.SubjectCandidate.newBuilder().setSubjectId("bush").setConfidence(0.97f)
                        .setDistance(0.31f).setFaceId("f-1").setNearFaces(2))
                .addCandidates(io.facesearch.api.v1.SubjectCandidate.newBuilder().setSubjectId("powell").setConfidence(0.01f)
                        .setDistance(0.74f).setFaceId("f-2").setNearFaces(1))
                .setOpenSet(io.facesearch.api.v1.OpenSetDecision.newBuilder().setTargetFpir(0.01).setScore(4.2).setThreshold(2.5)
                        .setSource(io.facesearch.api.v1.ThresholdSource.COLLECTION_ESTIMATE).setImpostorSearches(1500));
    }

    @Test
    void anIdentifiedFaceHasItsCandidatesBestFirstAndTheOpenSetBasis() {
        Matches m = MessageMapper.matches(identifiedAsBush().build());
        assertEquals(Decision.IDENTIFIED, m.decision());
        assertFalse(m.unknown());
        assertEquals(new SubjectCandidate("bush", 0.97f, 0.31f, "f-1", 2), m.identified().orElseThrow());
        assertEquals(List.of("bush", "powell"), m.candidates().stream().map(SubjectCandidate::subjectId).toList());
        assertEquals(new OpenSetDecision(0.01, 4.2, 2.5, ThresholdSource.COLLECTION_ESTIMATE, 1500), m.openSet());
        assertTrue(m.matches().isEmpty(), "face matches were not asked for");
        assertTrue(m.best().isEmpty());
        assertEquals(0.6f, m.threshold());
        assertEquals(Metric.EUCLIDEAN, m.metric());
    }

    @Test
    void anUnknownFaceIdentifiesNobodyButKeepsItsCandidatesAndFaceMatches() {
        Matches m = MessageMapper.matches(identifiedAsBush().setDecision(io.facesearch.api.v1.Decision.UNKNOWN).setUnknown(true)
                .addMatches(io.facesearch.api.v1.Match.newBuilder().setSubjectId("bush").setFaceId("f-1").setSimilarity(71f)
                        .setDistance(0.31f))
                .build());
        assertEquals(Decision.UNKNOWN, m.decision());
        assertTrue(m.unknown());
        assertTrue(m.identified().isEmpty());
        assertEquals(2, m.candidates().size(), "the nearest subjects are still reported");
        assertEquals(new Match("bush", "f-1", 71f, 0.31f), m.best().orElseThrow());
    }

    @Test
    void aServerThatDoesNotDecideIsReadFromItsUnknownFlag() {
        Matches none = MessageMapper.matches(FaceMatches.newBuilder().setUnknown(true).build());
        assertEquals(Decision.UNKNOWN, none.decision());
        assertEquals(ThresholdSource.OTHER, none.openSet().source());
        Matches some = MessageMapper.matches(FaceMatches.newBuilder().setUnknown(false).build());
        assertEquals(Decision.IDENTIFIED, some.decision());
        assertTrue(some.identified().isEmpty(), "no candidate to name");
    }

    @Test
    void searchOptionsCarryTheTargetRateAndTheFaceMatchRequest() {
        io.facesearch.api.v1.SearchOptions defaults = MessageMapper.searchOptions(SearchOptions.DEFAULT);
        assertEquals(io.facesearch.api.v1.SearchOptions.getDefaultInstance(), defaults, "zero values: the server's defaults");
        io.facesearch.api.v1.SearchOptions o = MessageMapper.searchOptions(new SearchOptions(5, 0.5f, true)
                .withTargetFpir(0.001).withFaceMatches(true));
        assertEquals(5, o.getTopK());
        assertEquals(0.5f, o.getThreshold());
        assertTrue(o.getExact());
        assertEquals(0.001, o.getTargetFpir());
        assertTrue(o.getFaceMatches());
    }

    @Test
    void aSpecSendsOnlyTheQualityThresholdsItSets() {
        CreateCollectionRequest plain = MessageMapper.createCollection(CollectionSpec.named("plain"));
        assertFalse(plain.hasQuality(), "the collection follows the server's settings");
        assertEquals(0, plain.getTargetFpir());

        CreateCollectionRequest r = MessageMapper.createCollection(CollectionSpec.named("strict").withTargetFpir(0.001)
                .withQuality(QualitySettings.SERVER_DEFAULTS.withMinFacePx(80).withMaxYaw(30)));
        assertEquals(0.001, r.getTargetFpir());
        io.facesearch.api.v1.QualitySettings q = r.getQuality();
        assertEquals(80, q.getMinFacePx());
        assertEquals(30, q.getMaxYaw());
        assertFalse(q.hasMinScore());
        assertFalse(q.hasMaxBoxToFace());
        assertFalse(q.hasMinSharpness());
        assertFalse(q.hasMaxPitch());
        assertFalse(q.hasMaxRoll());
    }

    @Test
    void aCollectionReportsItsTargetRateCalibrationAndQuality() {
        io.facesearch.api.v1.QualitySettings quality = io.facesearch.api.v1.QualitySettings.newBuilder().setMinScore(0.5)
                .setMaxBoxToFace(1.4).setMinFacePx(36).setMinSharpness(3).setMaxYaw(90).setMaxPitch(90).setMaxRoll(45).build();
        Collection c = MessageMapper.collection(io.facesearch.api.v1.Collection.newBuilder().setName("staff").setTargetFpir(0.01)
                .setOpenSetCalibration(io.facesearch.api.v1.OpenSetCalibration.newBuilder().setImpostorSearches(2000)
                        .setSubjectCount(5400).setEstimateTime(Timestamp.newBuilder().setSeconds(1_700_000_000))
                        .setSource(io.facesearch.api.v1.ThresholdSource.COLLECTION_ESTIMATE))
                .setQuality(quality).setOwnQuality(true).build());
        assertEquals(0.01, c.targetFpir());
        assertEquals(new OpenSetCalibration(2000, 5400, Instant.ofEpochSecond(1_700_000_000), ThresholdSource.COLLECTION_ESTIMATE),
                c.calibration());
        assertEquals(new QualitySettings(0.5, 1.4, 36.0, 3.0, 90.0, 90.0, 45.0), c.quality());
        assertTrue(c.ownQuality());

        Collection fresh = MessageMapper.collection(io.facesearch.api.v1.Collection.newBuilder().setName("new")
                .setOpenSetCalibration(io.facesearch.api.v1.OpenSetCalibration.newBuilder()
                        .setSource(io.facesearch.api.v1.ThresholdSource.CALIBRATED_DEFAULT)).build());
        assertEquals(0, fresh.calibration().impostorSearches());
        assertNull(fresh.calibration().estimateTime(), "no estimate made yet");
        assertEquals(ThresholdSource.CALIBRATED_DEFAULT, fresh.calibration().source());
        assertFalse(fresh.ownQuality());
    }
}
