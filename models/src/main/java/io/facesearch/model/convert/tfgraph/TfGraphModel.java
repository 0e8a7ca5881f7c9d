package io.facesearch.model.convert.tfgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facesearch.model.convert.Tensor;
import io.facesearch.model.convert.WeightManifest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
