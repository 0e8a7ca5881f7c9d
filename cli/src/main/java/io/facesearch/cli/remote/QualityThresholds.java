package io.facesearch.cli.remote;

import io.facesearch.client.QualitySettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The enrolment quality thresholds as the collections command prints them, in text and JSON. */
final class QualityThresholds {
    private QualityThresholds() {
    }

    /**
     * One threshold that is set.
     *
     * @param jsonName its key in JSON, the API's name in camel case
     * @param rule how the text shows it, with {@code %s} for the value
     */
    record Threshold(String jsonName, String rule, double value) {
        String text() {
            return rule.formatted(number(value));
        }
    }

    /** The thresholds set, in the API's order. */
    static List<Threshold> of(QualitySettings q) {
        List<Threshold> all = new ArrayList<>();
        add(all, "minScore", "score >= %s", q.minScore());
        add(all, "maxBoxToFace", "box/face <= %s", q.maxBoxToFace());
        add(all, "minFacePx", "face >= %s px", q.minFacePx());
        add(all, "minSharpness", "sharpness >= %s", q.minSharpness());
        add(all, "maxYaw", "|yaw| <= %s deg", q.maxYaw());
        add(all, "maxPitch", "|pitch| <= %s deg", q.maxPitch());
        add(all, "maxRoll", "|roll| <= %s deg", q.maxRoll());
        return all;
    }

    /** The thresholds on one line, comma separated; empty when none is set. */
    static String summary(QualitySettings q) {
        return of(q).stream().map(Threshold::text).collect(Collectors.joining(", "));
    }

    private static void add(List<Threshold> all, String jsonName, String rule, Double value) {
        if (value != null) {
            all.add(new Threshold(jsonName, rule, value));
        }
    }

    /** A number as typed: 36, not 36.0; 1.4, not 1.3999999. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
