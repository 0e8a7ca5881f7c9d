package io.facesearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
