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
import io.facesearch.model.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * 1024-D embeddings from Human's faceres network, a second opinion beside {@link FaceEmbedder}'s
 * 128-D descriptors. Each face is cut into one or more 224 x 224 chips (views) whose embeddings
 * are averaged and L2-normalised, so cosine similarity is a dot product. Thread-safe; all chips of an
 * image run as one batch.
 */
public final class FaceresEmbedder {
    /** Length of the embedding. */
    public static final int DIMENSION = 1024;
    /**
     * The dlib chip with more of the head than dlib's own 0.25: faceres was trained on looser crops
     * (VGGFace2's). On LFW DevTrain pairs, 0.25 gives 94.8 % and 0.4375 (a 1.25x zoom) 95.9 %; the
     * optimum is flat between 1.1x and 1.4x (docs/faceres.md).
     */
    public static final double CHIP_PADDING = 0.45;
    private static final int SIZE = HumanNetwork.FACERES.inputSize();
    private static final int PLANE = SIZE * SIZE * 3;

    private final Network network;
    private final FaceAligner aligner;
    private final List<ChipView> views;

    /**
     * @param network the faceres graph ({@link HumanNetwork#FACERES})
     * @param aligner the crop fed to it
     * @param views the chips of each face whose embeddings are averaged
     */
    public FaceresEmbedder(Network network, FaceAligner aligner, List<ChipView> views) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("at least one chip view is needed");
        }
        this.network = network;
        this.aligner = aligner;
        this.views = List.copyOf(views);
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
    public String id() {
        return "faceres/" + aligner.id() + ChipView.describe(views);
    }

    /**
     * Unit-length embeddings, one per face.
     *
     * @param canvas the region crops may use, in image coordinates
     * @param boxes the detection box of each face, parallel to {@code faces}
     * @param faces the 68 landmarks of each face, in image coordinates
     */
    public List<Embedding> embed(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, List<Landmarks> faces) {
        if (boxes.size() != faces.size()) {
            throw new IllegalArgumentException(boxes.size() + " boxes for " + faces.size() + " faces");
        }
        if (faces.isEmpty()) {
            return List.of();
        }
        int copies = views.size();
        float[] input = new float[PLANE * faces.size() * copies];
        for (int i = 0; i < faces.size(); i++) {
            for (int v = 0; v < copies; v++) {
                aligner.writeChip(image, canvas, boxes.get(i), faces.get(i), views.get(v), SIZE, input,
                        (i * copies + v) * PLANE);
            }
        }
        float[] out = network.run(input, faces.size() * copies).get(HumanNetwork.EMBEDDING);
        List<Embedding> result = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            float[] sum = new float[DIMENSION];
            for (int c = 0; c < copies; c++) {
                int base = (i * copies + c) * DIMENSION;
                for (int k = 0; k < DIMENSION; k++) {
                    sum[k] += out[base + k];
                }
            }
            Embedding embedding = new Embedding(sum);
            // An all-zero vector (no feature fired, e.g. a black chip) has no direction; keep it as is.
            result.add(embedding.norm() > 0 ? embedding.normalized() : embedding);
        }
        return result;
    }
}
