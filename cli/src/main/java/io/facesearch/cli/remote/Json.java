package io.facesearch.cli.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.FalseAcceptRateOutput;
import io.facesearch.client.Box;
import io.facesearch.client.Collection;
import io.facesearch.client.Face;
import io.facesearch.client.Match;
import io.facesearch.client.Matches;
import io.facesearch.client.OpenSetCalibration;
import io.facesearch.client.OpenSetDecision;
import io.facesearch.client.QualitySettings;
import io.facesearch.client.SubjectCandidate;
import io.facesearch.client.Subject;
import io.facesearch.client.VerifyResult;
import java.util.Locale;

/**
 * The JSON form of what the server commands print with {@code --json}: one object per line.
 * Field names follow the API's, in camel case; metrics and formats are lower case, as the local
 * commands print them.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode collection(Collection c) {
        ObjectNode n = object();
        n.put("name", c.name());
        n.put("metric", c.metric().name().toLowerCase(Locale.ROOT));
        n.put("threshold", c.threshold());
        n.put("indexFormat", c.indexFormat().name().toLowerCase(Locale.ROOT));
        n.put("modelId", c.modelId());
        n.put("embeddingDimension", c.embeddingDimension());
        n.put("faceCount", c.faceCount());
        n.put("subjectCount", c.subjectCount());
        n.put("createTime", c.createTime().toString());
        n.put("indexSizeBytes", c.indexSizeBytes());
        n.put("targetFpir", c.targetFpir());
        n.set("openSetCalibration", calibration(c.calibration()));
        n.set("quality", quality(c.quality()));
        n.put("ownQuality", c.ownQuality());
        return n;
    }

    static ObjectNode calibration(OpenSetCalibration c) {
        ObjectNode n = object();
        n.put("source", lower(c.source()));
        n.put("impostorSearches", c.impostorSearches());
        n.put("subjectCount", c.subjectCount());
        if (c.estimateTime() != null) {
            n.put("estimateTime", c.estimateTime().toString());
        }
        return n;
    }

    /** The thresholds set; an unset one is left out. */
    static ObjectNode quality(QualitySettings q) {
        ObjectNode n = object();
        QualityThresholds.of(q).forEach(t -> n.put(t.jsonName(), t.value()));
        return n;
    }

    static ObjectNode box(Box b) {
        ObjectNode n = object();
        n.put("x", round(b.x()));
        n.put("y", round(b.y()));
        n.put("width", round(b.width()));
        n.put("height", round(b.height()));
        return n;
    }

    static ObjectNode match(Match m) {
        ObjectNode n = object();
        n.put("subjectId", m.subjectId());
        n.put("faceId", m.faceId());
        n.put("similarity", round(m.similarity()));
        n.put("distance", m.distance());
        return n;
    }

    /**
     * Adds the fields of a query face's answer to {@code n}: its decision, candidate subjects and the
     * basis of the decision, and, when they were asked for, its face matches.
     */
    static ObjectNode matches(ObjectNode n, Matches m, boolean faceMatches) {
        n.put("decision", lower(m.decision()));
        ArrayNode candidates = n.putArray("candidates");
        m.candidates().forEach(c -> candidates.add(candidate(c)));
        n.set("openSet", openSet(m.openSet()));
        n.put("unknown", m.unknown());
        n.put("threshold", m.threshold());
        n.put("metric", lower(m.metric()));
        if (faceMatches) {
            ArrayNode array = n.putArray("matches");
            m.matches().forEach(x -> array.add(match(x)));
        }
        return n;
    }

    static ObjectNode candidate(SubjectCandidate c) {
        ObjectNode n = object();
        n.put("subjectId", c.subjectId());
        n.put("confidence", c.confidence());
        n.put("distance", c.distance());
        n.put("faceId", c.faceId());
        n.put("nearFaces", c.nearFaces());
        return n;
    }

    static ObjectNode openSet(OpenSetDecision o) {
        ObjectNode n = object();
        n.put("targetFpir", o.targetFpir());
        finite(n, "score", o.score());
        finite(n, "threshold", o.threshold());
        n.put("source", lower(o.source()));
        n.put("impostorSearches", o.impostorSearches());
        return n;
    }

    /** JSON has no infinities: the score of a face without a candidate is null. */
    private static void finite(ObjectNode n, String name, double v) {
        if (Double.isFinite(v)) {
            n.put(name, v);
        } else {
            n.putNull(name);
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static ObjectNode subject(Subject s) {
        ObjectNode n = object();
        n.put("subjectId", s.subjectId());
        n.put("faceCount", s.faceCount());
        n.put("createTime", s.createTime().toString());
        return n;
    }

    /** The server's quality measures of a detected face and its enrolment gate's verdict. */
    static ObjectNode faceQuality(io.facesearch.client.FaceQuality q) {
        ObjectNode n = object();
        n.put("passed", q.passed());
        if (!q.passed()) {
            n.put("reason", q.reason().name().toLowerCase(Locale.ROOT));
            n.put("message", q.message());
        }
        n.put("score", round(q.score()));
        n.put("boxToFace", round(q.boxToFace()));
        n.put("facePixels", round(q.facePixels()));
        n.put("sharpness", round(q.sharpness()));
        n.put("yaw", round(q.yaw()));
        n.put("pitch", round(q.pitch()));
        n.put("roll", round(q.roll()));
        return n;
    }

    static ObjectNode face(Face f) {
        ObjectNode n = object();
        n.put("faceId", f.faceId());
        n.put("subjectId", f.subjectId());
        if (f.box() != null) {
            n.set("box", box(f.box()));
        }
        n.put("quality", round(f.quality()));
        n.put("source", f.source().name().toLowerCase(Locale.ROOT));
        ObjectNode metadata = n.putObject("metadata");
        f.metadata().forEach(metadata::put);
        n.put("createTime", f.createTime().toString());
        n.put("modelId", f.modelId());
        n.put("requestId", f.requestId());
        return n;
    }

    static ObjectNode verification(VerifyResult v) {
        ObjectNode n = object();
        n.put("distance", v.distance());
        n.put("similarity", round(v.similarity()));
        n.put("match", v.match());
        n.put("threshold", v.threshold());
        n.put("metric", v.metric().name().toLowerCase(Locale.ROOT));
        if (v.matchedFaceId() != null) {
            n.put("matchedFaceId", v.matchedFaceId());
        }
        FalseAcceptRateOutput.json(n, v.falseAcceptRate(), v.falseAcceptRateAtMost());
        return n;
    }

    /** Two decimals: pixels and percentages finer than that are noise. */
    static double round(float v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
