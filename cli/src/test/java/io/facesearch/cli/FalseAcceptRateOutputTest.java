package io.facesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FalseAcceptRateOutputTest {

    @Test
    void textGivesThreeSignificantDigitsOfAPercentage() {
        assertEquals(", false-accept rate 0.891%", FalseAcceptRateOutput.text(OptionalDouble.of(0.00891), false));
        assertEquals(", false-accept rate 13.4%", FalseAcceptRateOutput.text(OptionalDouble.of(0.134), false));
        assertEquals(", false-accept rate at most 0.000992%", FalseAcceptRateOutput.text(OptionalDouble.of(9.917e-6), true));
        assertEquals("", FalseAcceptRateOutput.text(OptionalDouble.empty(), false));
    }

    @Test
    void jsonIsNullWhenUnknown() {
        ObjectNode known = new ObjectMapper().createObjectNode();
        FalseAcceptRateOutput.json(known, OptionalDouble.of(0.00891), false);
        assertEquals(0.00891, known.get("false_accept_rate").asDouble());
        assertFalse(known.get("false_accept_rate_at_most").asBoolean());

        ObjectNode unknown = new ObjectMapper().createObjectNode();
        FalseAcceptRateOutput.json(unknown, OptionalDouble.empty(), true);
        assertTrue(unknown.get("false_accept_rate").isNull());
        assertFalse(unknown.get("false_accept_rate_at_most").asBoolean());
    }
}
