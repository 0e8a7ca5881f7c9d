package io.facesearch.model.convert.tfgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facesearch.model.convert.Tensor;
import io.facesearch.model.convert.WeightManifest;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tfjs graph model: {@code model.json} and its one weight file.
 *
 * <p>Fields of {@code model.json} read here: {@code format} ({@code "graph-model"});
 * {@code modelTopology.node}, the TensorFlow {@code GraphDef} nodes ({@link TfNode}); and
 * {@code weightsManifest}, the weight groups in the tfjs layout ({@link WeightManifest}). Every
 * {@code Const} node's value is the weight of the same name. {@code signature}, {@code library} and
 * {@code versions} are not needed: the converter is told the input and output node names.
 */
public final class TfGraphModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, TfNode> nodes;
    private final WeightManifest weights;

    private TfGraphModel(Map<String, TfNode> nodes, WeightManifest weights) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.weights = weights;
    }

    /**
     * Parses the model and decodes its weights.
     *
     * @throws IOException if it is not a graph model, a node name repeats, or the weights do not decode
     */
    public static TfGraphModel read(byte[] modelJson, byte[] bin) throws IOException {
        JsonNode root = JSON.readTree(modelJson);
        String format = root.path("format").asText();
        if (!"graph-model".equals(format)) {
            throw new IOException("expected a tfjs graph model, got format '" + format + "'");
        }
        Map<String, TfNode> nodes = new LinkedHashMap<>();
        for (JsonNode json : root.path("modelTopology").path("node")) {
            TfNode node = TfNode.parse(json);
            if (nodes.put(node.name(), node) != null) {
                throw new IOException("node " + node.name() + " appears twice in the graph");
            }
        }
        if (nodes.isEmpty()) {
            throw new IOException("the graph model has no nodes");
        }
        return new TfGraphModel(nodes, WeightManifest.read(root.get("weightsManifest"), bin));
    }

    /** The node of that name. */
    public TfNode node(String name) {
        TfNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("the graph has no node " + name);
        }
        return node;
    }

    /** Nodes in file order, by name. */
    public Map<String, TfNode> nodes() {
        return nodes;
    }

    /**
     * The non-constant nodes the outputs depend on, producers before consumers: an iterative
     * depth-first post-order, so the file's node order does not matter and deep graphs do not exhaust
     * the stack. The input placeholder and constants are left out (constants are read where they are
     * used).
     *
     * @throws IllegalArgumentException on a cycle, or when an output depends on another placeholder
     */
    public List<TfNode> evaluationOrder(List<String> outputs, String input) {
        List<TfNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>(Set.of(input));
        Set<String> onPath = new HashSet<>();
        for (String output : outputs) {
            // Each entry is a node name and whether its inputs are done (the "exit" visit).
            Deque<Map.Entry<String, Boolean>> stack = new ArrayDeque<>();
            stack.push(Map.entry(output, false));
            while (!stack.isEmpty()) {
                Map.Entry<String, Boolean> top = stack.pop();
                String name = top.getKey();
                TfNode node = node(name);
                if (done.contains(name) || "Const".equals(node.op())) {
                    continue;
                }
                if (top.getValue()) {
                    onPath.remove(name);
                    done.add(name);
                    order.add(node);
                    continue;
                }
                if (!onPath.add(name)) {
                    throw new IllegalArgumentException("the graph has a cycle through " + name);
                }
                if ("Placeholder".equals(node.op())) {
                    throw new IllegalArgumentException(output + " depends on " + node.describe()
                            + ", which is not the input " + input);
                }
                stack.push(Map.entry(name, true));
                for (String in : node.inputs()) {
                    stack.push(Map.entry(in, false));
                }
            }
        }
        return order;
    }

    /** The value of a {@code Const} node. */
    public Tensor constant(String name) {
        TfNode node = node(name);
        if (!"Const".equals(node.op())) {
            throw new IllegalArgumentException(node.describe() + " is not a constant");
        }
        return weights.get(name);
    }

    public boolean isConstant(String name) {
        return "Const".equals(node(name).op());
    }

    /** Total number of weight values, for logs. */
    public long parameterCount() {
        return weights.parameterCount();
    }
}
