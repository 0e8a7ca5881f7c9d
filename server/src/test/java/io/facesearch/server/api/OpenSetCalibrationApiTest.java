package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.Collection;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.Decision;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.Metric;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.ThresholdSource;
import io.facesearch.pipeline.FacePipelines;
import org.junit.jupiter.api.Test;

/**
 * The open-set threshold a collection estimates from its own faces, through a real server: synthetic
 * identities enrolled as embeddings of the default model, strangers (identities never enrolled, from
 * the same groups of look-alikes) searched, and the share of them identified held near the target
 * rate. Another metric falls back to the 1:1 distance threshold, for which no open-set calibration
 * exists.
 */
class OpenSetCalibrationApiTest extends ServerTestBase {
    /** Identities 0..749: two in three enrolled, every third one a stranger with look-alikes enrolled. */
    private static final int IDENTITIES = 750;
    private static final int SUBJECTS = IDENTITIES * 2 / 3;

    private static boolean enrolled(int identity) {
        return identity % 3 != 0;
    }

    private Collection create(String name, Metric metric, double targetFpir) {
        return collections.createCollection(CreateCollectionRequest.newBuilder().setName(name).setMetric(metric)
                .setModelId(FacePipelines.defaultModelId()).setTargetFpir(targetFpir).build());
    }

    private void enrolSubjects(String collection) {
        for (int i = 0; i < IDENTITIES; i++) {
            if (!enrolled(i)) {
                continue;
            }
            enrollment.enroll(enrollRequest(collection, i, 0).toBuilder().setModelId(FacePipelines.defaultModelId()).build());
        }
    }

    private Collection awaitEstimate(String collection) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Collection c = collections.describeCollection(DescribeCollectionRequest.newBuilder().setName(collection).build());
            if (c.getOpenSetCalibration().getSubjectCount() == SUBJECTS && c.getIndexLag() == 0) {
                return c;
            }
            assertTrue(System.nanoTime() < deadline, "no estimate within 60 s: " + c.getOpenSetCalibration());
            Thread.sleep(100);
        }
    }

    private FaceMatches identify(String collection, float[] probe) {
        return search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection(collection)
                .setEmbedding(embedding(probe)).setOptions(SearchOptions.newBuilder()).build());
    }

    @Test
    void strangersAreIdentifiedAtAboutTheTargetRate() throws InterruptedException {
        create("estimated", Metric.EUCLIDEAN, 0.05);
        enrolSubjects("estimated");
        Collection c = awaitEstimate("estimated");
        assertEquals(SUBJECTS, c.getOpenSetCalibration().getImpostorSearches(), "every face searched as an impostor");
        assertEquals(ThresholdSource.COLLECTION_ESTIMATE, c.getOpenSetCalibration().getSource());

        int falseIdentifications = 0;
        int strangers = 0;
        for (int stranger = 0; stranger < IDENTITIES; stranger += 3) {
            strangers++;
            FaceMatches m = identify("estimated", FACES.sample(stranger, 0));
            assertEquals(ThresholdSource.COLLECTION_ESTIMATE, m.getOpenSet().getSource());
            assertEquals(SUBJECTS, m.getOpenSet().getImpostorSearches());
            if (m.getDecision() == Decision.IDENTIFIED) {
                falseIdentifications++;
            }
        }
        double fpir = falseIdentifications / (double) strangers;
        // 5 % of 250 strangers is 12.5; the estimate rests on 500 searches (25 false accepts).
        assertTrue(fpir >= 0.02 && fpir <= 0.10, "FPIR " + fpir + " for a target of 0.05");

        int identified = 0;
        for (int subject = 1; subject < 150; subject += 3) {
            FaceMatches m = identify("estimated", FACES.sample(subject, 1));
            if (m.getDecision() == Decision.IDENTIFIED && m.getCandidates(0).getSubjectId().equals(enrollRequest("estimated", subject, 0)
                    .getSubjectId())) {
                identified++;
            }
        }
        assertTrue(identified > 40, identified + " of 50 enrolled subjects identified from another sample");
    }

    @Test
    void aCosineCollectionDecidesWithItsDistanceThreshold() {
        create("cosine", Metric.COSINE, 0);
        enrollment.enroll(enrollRequest("cosine", 1, 0).toBuilder().setModelId(FacePipelines.defaultModelId()).build());
        FaceMatches m = search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("cosine")
                .setEmbedding(embedding(FACES.sample(1, 0))).setOptions(SearchOptions.newBuilder().setExact(true)).build());
        assertEquals(ThresholdSource.DISTANCE_THRESHOLD, m.getOpenSet().getSource());
        assertEquals(Decision.IDENTIFIED, m.getDecision(), "the enrolled face itself, at distance 0");
        assertEquals(0, m.getCandidates(0).getDistance(), 1e-5);
        assertEquals(ThresholdSource.DISTANCE_THRESHOLD, collections.describeCollection(DescribeCollectionRequest.newBuilder()
                .setName("cosine").build()).getOpenSetCalibration().getSource());
    }
}
