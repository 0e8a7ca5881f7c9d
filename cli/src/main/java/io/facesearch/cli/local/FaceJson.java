package io.facesearch.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.face.Expression;
import io.facesearch.face.Face;
import io.facesearch.face.Landmarks;
import io.facesearch.pipeline.FacePipeline.AnalyzedImage;

/** The one-line JSON form of an analysed image, shared by {@code detect} and {@code embed}. */
final class FaceJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private FaceJson() {
    }

    static ObjectNode image(String file, AnalyzedImage image) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", file);
        node.put("width", image.width());
        node.put("height", image.height());
        ArrayNode faces = node.putArray("faces");
        for (Face f : image.faces()) {
            faces.add(face(f));
        }
        return node;
    }

    static ObjectNode error(String file, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", file);
        node.put("error", message);
        return node;
    }

    private static ObjectNode face(Face f) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode box = node.putObject("box");
        box.put("x", round(f.box().x()));
        box.put("y", round(f.box().y()));
        box.put("w", round(f.box().width()));
        box.put("h", round(f.box().height()));
        node.put("score", f.score());
        ArrayNode points = node.putArray("landmarks");
        for (int p = 0; p < Landmarks.COUNT; p++) {
            points.addArray().add(round(f.landmarks().x(p))).add(round(f.landmarks().y(p)));
        }
        if (f.embedding() != null) {
            ArrayNode e = node.putArray("embedding");
            for (float v : f.embedding().toArray()) {
                e.add(v);
            }
        }
        if (f.expressions() != null) {
            ObjectNode e = node.putObject("expression");
            for (Expression x : Expression.values()) {
                e.put(x.label(), f.expressions().probability(x));
            }
        }
        return node;
    }

    /** Pixel coordinates to 1/1000 px: more digits are noise. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
