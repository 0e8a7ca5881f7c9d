package io.facesearch.embed;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceAligner;
import io.facesearch.face.Embedding;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.model.HumanNetwork;
import io.facesearch.network.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * 1024-D embeddings from Human's faceres network, a second opinion beside {@link ResNetFaceEmbedder}'s
 * 128-D descriptors. Each face is cut into one or more 224 x 224 chips (views) whose embeddings
 * are averaged and L2-normalised, so cosine similarity is a dot product. Thread-safe; all chips of an
 * image run as one batch.
 */
public final class FaceresEmbedder implements FaceEmbedder {
    /** Length of the embedding. */
    public static final int DIMENSION = 1024;
    /**
     * The dlib chip with more of the head than dlib's own 0.25: faceres was trained on looser crops
     * (VGGFace2's). On LFW DevTrain pairs, 0.25 gives 94.8 % and 0.4375 (a 1.25x zoom) 95.9 %; the
     * optimum is flat between 1.1x and 1.4x (docs/faceres.md).
     */
    public static final double CHIP_PADDING = 0.45;
    private final ChipViews chips;

    /**
     * @param network the faceres graph ({@link HumanNetwork#FACERES})
     * @param aligner the crop fed to it
     * @param views the chips of each face whose embeddings are averaged
     */
    public FaceresEmbedder(Network network, FaceAligner aligner, List<ChipView> views) {
        this.chips = new ChipViews(network, HumanNetwork.EMBEDDING, DIMENSION, aligner, views,
                HumanNetwork.FACERES.inputSize());
    }

    /**
     * The more accurate crop for faceres, dlib's aligned chip padded by {@value #CHIP_PADDING} (see
     * {@code docs/faceres.md} for the comparison with face-api's box), optionally averaged with its
     * mirror image (one more inference per face; +0.3 to +0.7 points on LFW).
     */
    public static FaceresEmbedder of(Network network, boolean mirror) {
        return new FaceresEmbedder(network, new DlibFaceChip(CHIP_PADDING),
                mirror ? List.of(ChipView.IDENTITY, ChipView.MIRROR) : List.of(ChipView.IDENTITY));
    }

    /** Names the network, alignment and averaging, e.g. {@code faceres/dlib+mirror}. */
    @Override
    public String id() {
        return "faceres/" + chips.id();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** Unit-length embeddings (cosine similarity is their dot product), one per face. */
    @Override
    public List<Embedding> embed(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, List<Landmarks> faces) {
        List<Embedding> result = new ArrayList<>(faces.size());
        for (float[] mean : chips.meanOutputs(image, canvas, boxes, faces)) {
            Embedding embedding = new Embedding(mean);
            // An all-zero vector (no feature fired, e.g. a black chip) has no direction; keep it as is.
            result.add(embedding.norm() > 0 ? embedding.normalized() : embedding);
        }
        return result;
    }
}
