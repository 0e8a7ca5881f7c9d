package io.facesearch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How the verify commands, local and remote, print the false-accept rate of their threshold: in
 * text after the verdict (nothing when unknown), in JSON as {@code false_accept_rate} (null when
 * unknown) and {@code false_accept_rate_at_most}.
 */
public final class FalseAcceptRateOutput {
    private FalseAcceptRateOutput() {
    }

    /** {@code ", false-accept rate 0.891%"}, {@code ", false-accept rate at most 0.000992%"}, or empty. */
    public static String text(OptionalDouble rate, boolean atMost) {
        if (rate.isEmpty()) {
            return "";
        }
        // Three significant digits: the rate's two halves of LFW differ in the second.
        return String.format(Locale.ROOT, ", false-accept rate %s%.3g%%", atMost ? "at most " : "", 100 * rate.getAsDouble());
    }

    public static void json(ObjectNode node, OptionalDouble rate, boolean atMost) {
        if (rate.isPresent()) {
            node.put("false_accept_rate", rate.getAsDouble());
        } else {
            node.putNull("false_accept_rate");
        }
        node.put("false_accept_rate_at_most", rate.isPresent() && atMost);
    }
}
