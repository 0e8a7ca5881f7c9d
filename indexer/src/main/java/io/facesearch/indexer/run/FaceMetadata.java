package io.facesearch.indexer.run;

import io.facesearch.face.Face;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metadata the indexer keeps with each face. A precomputed embedding reaches the server without
 * box or landmarks (the API has no field for them), so they travel here, as text:
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>value</th></tr>
 * <tr><td>file</td><td>the photo's path in the input (left out beyond 1024 bytes)</td></tr>
 * <tr><td>archive</td><td>the input's file or folder name</td></tr>
 * <tr><td>sha256</td><td>the photo's SHA-256, 64 hex digits</td></tr>
 * <tr><td>image</td><td>the photo's size in pixels, {@code WIDTHxHEIGHT}</td></tr>
 * <tr><td>face</td><td>the face's rank in the photo, 0 for the main face (the largest near the centre)</td></tr>
 * <tr><td>box</td><td>{@code x,y,width,height} in pixels, (x, y) the top-left corner</td></tr>
 * <tr><td>quality</td><td>the detector's confidence in [0, 1]</td></tr>
 * <tr><td>landmarks</td><td>the 68 points ({@code x,y} in pixels), separated by spaces</td></tr>
 * </table>
 *
 * <p>Pixel values have one decimal. A manifest's columns come on top and win over these keys.
 */
public final class FaceMetadata {
    /** The keys above, which leave 32 - 8 = 24 for a manifest's columns (the server keeps 32). */
    public static final List<String> KEYS = List.of("file", "archive", "sha256", "image", "face", "box", "quality", "landmarks");
    /** The server keeps values up to 1024 bytes. */
    private static final int MAX_VALUE_BYTES = 1024;

    private FaceMetadata() {
    }

    static Map<String, String> of(String archive, Analysis.Faces photo, int rank, Map<String, String> caller) {
        Face face = photo.chosen().get(rank);
        Map<String, String> m = new LinkedHashMap<>();
        putIfFits(m, "file", photo.photo().path());
        putIfFits(m, "archive", archive);
        m.put("sha256", photo.photo().hash().hex());
        m.put("image", photo.width() + "x" + photo.height());
        m.put("face", Integer.toString(rank));
        FaceBox b = face.box();
        m.put("box", px(b.x()) + "," + px(b.y()) + "," + px(b.width()) + "," + px(b.height()));
        m.put("quality", String.format(Locale.ROOT, "%.3f", face.score()));
        if (face.landmarks() != null) {
            putIfFits(m, "landmarks", landmarks(face.landmarks()));
        }
        m.putAll(caller);
        return m;
    }

    private static String landmarks(Landmarks points) {
        StringBuilder s = new StringBuilder(Landmarks.COUNT * 11);
        for (int i = 0; i < Landmarks.COUNT; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(px(points.x(i))).append(',').append(px(points.y(i)));
        }
        return s.toString();
    }

    private static void putIfFits(Map<String, String> m, String key, String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length <= MAX_VALUE_BYTES) {
            m.put(key, value);
        }
    }

    private static String px(float v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
