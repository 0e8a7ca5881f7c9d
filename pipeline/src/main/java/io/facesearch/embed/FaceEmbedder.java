package io.facesearch.embed;

import io.facesearch.face.Embedding;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import java.util.List;

/**
 * Turns each located face into a vector whose distance to another face's says how alike they are:
 * the last stage of the pipeline. An embedder aligns the face itself (it owns its
 * {@link io.facesearch.align.FaceAligner}), because the chip is part of what its network was trained
 * on. Implementations are thread-safe and deterministic.
 */
public interface FaceEmbedder {

    /**
     * One embedding of {@link #dimension()} values per face, parallel to {@code faces}; no faces give
     * an empty list.
     *
     * @param canvas the region crops may use, in image coordinates
     * @param boxes the detection box of each face, parallel to {@code faces}
     * @param faces the 68 landmarks of each face, in image coordinates
     * @throws IllegalArgumentException if {@code boxes} and {@code faces} differ in length
     */
    List<Embedding> embed(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, List<Landmarks> faces);

    /** Length of the embeddings. */
    int dimension();

    /**
     * Names the network, alignment and averaging, e.g. {@code dlib+mirror}: recorded with every
     * embedding (in the pipeline's model id), so that vectors from different embedders are not mixed.
     */
    String id();
}
