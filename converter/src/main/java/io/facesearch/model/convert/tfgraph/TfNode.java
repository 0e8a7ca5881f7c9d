package io.facesearch.model.convert.tfgraph;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a tfjs graph model's {@code modelTopology.node}: a TensorFlow {@code NodeDef} in
 * protobuf's JSON mapping.
 *
 * <p>Attribute encoding ({@code AttrValue}): a list of ints is {@code {"list": {"i": ["1", "2"]}}}
 * (int64 as strings; an empty list is {@code {"list": {}}}), a string is {@code {"s": "<base64>"}},
 * a list of strings {@code {"list": {"s": [...]}}}, a bool {@code {"b": true}}, an int
 * {@code {"i": "1"}}.
 *
 * @param name the node's unique name, also the name of its (first) output
 * @param op the TensorFlow op type, e.g. {@code Conv2D}
 * @param inputs names of the producing nodes, with control inputs ({@code ^name}) dropped
 * @param attributes the {@code attr} object, possibly empty
 */
public record TfNode(String name, String op, List<String> inputs, JsonNode attributes) {

    public TfNode {
        inputs = List.copyOf(inputs);
    }

    /** Parses one element of {@code modelTopology.node}. */
    static TfNode parse(JsonNode json) {
        List<String> inputs = new ArrayList<>();
        JsonNode in = json.path("input");
        for (JsonNode i : in) {
            String source = i.asText();
            if (source.startsWith("^")) {
                continue; // a control dependency orders execution; it carries no value
            }
            inputs.add(producer(json.path("name").asText(), source));
        }
        return new TfNode(json.path("name").asText(), json.path("op").asText(), inputs, json.path("attr"));
    }

    /** {@code name} or {@code name:0}: the first output of node {@code name}; other outputs are not supported. */
    private static String producer(String consumer, String source) {
        int colon = source.lastIndexOf(':');
        if (colon < 0) {
            return source;
        }
        if (!source.substring(colon + 1).equals("0")) {
            throw new UnsupportedOperationException(consumer + " reads output " + source
                    + "; only the first output of a node is supported");
        }
        return source.substring(0, colon);
    }

    public boolean has(String attribute) {
        return attributes.has(attribute);
    }

    /** A string attribute, or {@code fallback} when absent. */
    public String string(String attribute, String fallback) {
        JsonNode s = attributes.path(attribute).path("s");
        return s.isMissingNode() ? fallback : decode(s.asText());
    }

    /** A list-of-strings attribute; empty when absent. */
    public List<String> strings(String attribute) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : attributes.path(attribute).path("list").path("s")) {
            out.add(decode(s.asText()));
        }
        return out;
    }

    /** A list-of-ints attribute, or {@code fallback} when absent. */
    public long[] ints(String attribute, long... fallback) {
        JsonNode attr = attributes.path(attribute);
        if (attr.isMissingNode()) {
            return fallback;
        }
        JsonNode list = attr.path("list").path("i");
        long[] out = new long[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Long.parseLong(list.get(k).asText());
        }
        return out;
    }

    /** An int attribute, or {@code fallback} when absent. */
    public long integer(String attribute, long fallback) {
        JsonNode i = attributes.path(attribute).path("i");
        return i.isMissingNode() ? fallback : Long.parseLong(i.asText());
    }

    /** A bool attribute, false when absent (TensorFlow's default for every bool attribute used here). */
    public boolean bool(String attribute) {
        return attributes.path(attribute).path("b").asBoolean(false);
    }

    /** The {@code index}th input's producer. */
    public String input(int index) {
        if (index >= inputs.size()) {
            throw new IllegalArgumentException(describe() + " has " + inputs.size() + " inputs, needs " + (index + 1));
        }
        return inputs.get(index);
    }

    /** {@code name (op)}, for messages. */
    public String describe() {
        return name + " (" + op + ")";
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
