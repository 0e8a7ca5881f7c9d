package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.FaceReference;
import io.facesearch.api.v1.IndexFormat;
import io.facesearch.api.v1.Metric;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.api.v1.VerifyResponse;
import io.facesearch.compare.FalseAcceptRate;
import io.facesearch.compare.FalseAcceptRates;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** The false-accept rate a verification reports for its threshold. */
class VerificationApiTest extends ServerTestBase {
    private static final String DEFAULT_MODEL = FacePipelines.defaultModelId();

    @Test
    void theDefaultThresholdOfTheDefaultModelCarriesItsRate() throws InterruptedException {
        defaultModelCollection("people", Metric.EUCLIDEAN);
        enrollAll("people", 3, 2);
        VerifyResponse r = verification.verify(request("people", 0).setSecond(subject(1)).build());
        assertEquals(0.6f, r.getThreshold());
        assertRate(FalseAcceptRates.DEFAULT_EUCLIDEAN.at(0.6), r);
        assertTrue(r.getFalseAcceptRate() > 0.005 && r.getFalseAcceptRate() < 0.02, "about 1 % at 0.6: " + r);
    }

    @Test
    void aCustomThresholdCarriesItsOwnRate() throws InterruptedException {
        defaultModelCollection("people", Metric.EUCLIDEAN);
        enrollAll("people", 3, 2);
        VerifyResponse strict = verification.verify(request("people", 0).setSecond(subject(0)).setThreshold(0.5f).build());
        assertEquals(0.5f, strict.getThreshold());
        assertRate(FalseAcceptRates.DEFAULT_EUCLIDEAN.at(0.5), strict);
        VerifyResponse lax = verification.verify(request("people", 0).setSecond(subject(0)).setThreshold(0.71f).build());
        assertRate(FalseAcceptRates.DEFAULT_EUCLIDEAN.at(0.71), lax);
        assertTrue(lax.getFalseAcceptRate() > strict.getFalseAcceptRate());
    }

    @Test
    void aThresholdBelowEveryMeasuredOneIsAnUpperBound() throws InterruptedException {
        defaultModelCollection("people", Metric.EUCLIDEAN);
        enrollAll("people", 1, 2);
        VerifyResponse r = verification.verify(request("people", 0).setSecond(subject(0)).setThreshold(0.2f).build());
        assertTrue(r.getFalseAcceptRateKnown());
        assertTrue(r.getFalseAcceptRateAtMost(), r.toString());
        assertEquals(FalseAcceptRates.DEFAULT_EUCLIDEAN.points().getFirst().rate(), r.getFalseAcceptRate(), 1e-9);
    }

    @Test
    void embeddingsWithoutACollectionHaveARateOnlyWhenTheRequestNamesTheDefaultModel() {
        VerifyRequest.Builder pair = VerifyRequest.newBuilder().setFirst(embedding(0)).setSecond(embedding(1));
        assertFalse(verification.verify(pair.build()).getFalseAcceptRateKnown(), "no model named");
        assertRate(FalseAcceptRates.DEFAULT_EUCLIDEAN.at(0.6), verification.verify(pair.setModelId(DEFAULT_MODEL).build()));
        assertFalse(verification.verify(pair.setModelId("another@1").build()).getFalseAcceptRateKnown());
        assertFalse(verification.verify(pair.setModelId(DEFAULT_MODEL).setMetric(Metric.COSINE).build())
                .getFalseAcceptRateKnown(), "cosine was not measured");
    }

    @Test
    void otherModelsAndTheCosineMetricHaveNoRate() throws InterruptedException {
        createCollection("synthetic");
        enrollAll("synthetic", 1, 2);
        VerifyResponse otherModel = verification.verify(request("synthetic", 0).setSecond(subject(0)).build());
        assertFalse(otherModel.getFalseAcceptRateKnown(), otherModel.toString());
        assertEquals(0, otherModel.getFalseAcceptRate());
        assertFalse(otherModel.getFalseAcceptRateAtMost());

        defaultModelCollection("cosine", Metric.COSINE);
        enrollAll("cosine", 1, 2);
        assertFalse(verification.verify(request("cosine", 0).setSecond(subject(0)).build()).getFalseAcceptRateKnown());
    }

    @Test
    void aModelIdMustBeTheCollections() throws InterruptedException {
        defaultModelCollection("people", Metric.EUCLIDEAN);
        enrollAll("people", 1, 2);
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> verification.verify(request("people", 0).setSecond(subject(0))
                .setModelId("another@1").build()));
        assertTrue(verification.verify(request("people", 0).setSecond(subject(0)).setModelId(DEFAULT_MODEL).build())
                .getFalseAcceptRateKnown());
    }

    private void defaultModelCollection(String name, Metric metric) {
        collections.createCollection(CreateCollectionRequest.newBuilder().setName(name).setMetric(metric)
                .setIndexFormat(IndexFormat.HNSW_FLOAT32).setModelId(DEFAULT_MODEL).build());
    }

    private static VerifyRequest.Builder request(String collection, int identity) {
        return VerifyRequest.newBuilder().setCollection(collection).setFirst(embedding(identity));
    }

    private static FaceReference embedding(int identity) {
        return FaceReference.newBuilder().setEmbedding(embedding(FACES.sample(identity, 10))).build();
    }

    private static FaceReference subject(int identity) {
        return FaceReference.newBuilder().setSubjectId(SyntheticFaces.subject(identity)).build();
    }

    private static void assertRate(FalseAcceptRate expected, VerifyResponse r) {
        assertTrue(r.getFalseAcceptRateKnown(), r.toString());
        assertEquals((float) expected.rate(), r.getFalseAcceptRate(), r.toString());
        assertEquals(expected.atMost(), r.getFalseAcceptRateAtMost());
    }
}
