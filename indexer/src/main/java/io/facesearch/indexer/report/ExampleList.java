package io.facesearch.indexer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A count with the first few of what it counts: exact however many, bounded in memory. A run over
 * millions of files with a systematic problem stays reportable.
 */
final class ExampleList {
    /** Enough to fix a batch of bad files by hand, or to see the pattern of a systematic problem. */
    static final int MAX_EXAMPLES = 1000;

    private long count;
    private final List<ObjectNode> examples = new ArrayList<>();

    void add(ObjectNode example) {
        count++;
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(example);
        }
    }

    long count() {
        return count;
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("count", count);
        ArrayNode list = n.putArray("examples");
        examples.forEach(list::add);
        return n;
    }
}
