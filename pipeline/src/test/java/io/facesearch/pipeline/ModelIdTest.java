package io.facesearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facesearch.testdata.SharedPipeline;
import org.junit.jupiter.api.Test;

class ModelIdTest {

    /**
     * Collections record the model id of the vectors they hold and refuse others. A faster graph that
     * computes the same values (converter version 2) must not strand them.
     */
    @Test
    void modelIdNamesWhatTheNetworksComputeNotHowTheGraphsAreLaidOut() {
        assertEquals("face-api-1.7.15-c1", FacePipelines.modelVersion());
    }

    /** The open-set calibration is tied to this id; it must be the id the default pipeline reports. */
    @Test
    void theDefaultModelIdIsTheDefaultPipelines() {
        assertEquals(SharedPipeline.view().modelId(), FacePipelines.defaultModelId());
    }
}
