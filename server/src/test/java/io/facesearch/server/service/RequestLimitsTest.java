package io.facesearch.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facesearch.pipeline.AnalysisOptions;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    /**
     * The API caps faces per image (ProtocolLimit); the pipeline, which knows no API, locates up to
     * its own default when a face selection reports every refused face. The two must be one number.
     */
    @Test
    void thePipelinesFaceCapIsTheApis() {
        assertEquals(RequestLimits.MAX_FACES_PER_IMAGE, AnalysisOptions.MAX_FACES);
    }
}
