package io.facesearch.embed;

import io.facesearch.align.ChipView;
import io.facesearch.align.FaceAligner;
import io.facesearch.face.Embedding;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.network.Network;
import java.util.Arrays;
import java.util.List;

/**
 * 128-D descriptors from face-api's ResNet (dlib's architecture). Each face is aligned into one
 * or more 150 x 150 chips (views) whose raw descriptors are averaged: the chip and its mirror by
 * default, a cheap, deterministic slice of dlib's jitter averaging that keeps accuracy under head
 * roll. Thread-safe; all chips of an image run as one batch.
 */
public final class ResNetFaceEmbedder implements FaceEmbedder {
    /** Length of the descriptor. */
    public static final int DIMENSION = 128;

    private final ChipViews chips;

    public ResNetFaceEmbedder(Network network, FaceAligner aligner, List<ChipView> views) {
        this.chips = new ChipViews(network, "descriptor", DIMENSION, aligner, views, FaceAligner.CHIP_SIZE);
    }

    /** Names the alignment and averaging, e.g. {@code dlib+mirror}; the network is the pipeline's default. */
    @Override
    public String id() {
        return chips.id();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** Raw descriptors (not normalised), compared with Euclidean distance. */
    @Override
    public List<Embedding> embed(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, List<Landmarks> faces) {
        return Arrays.stream(chips.meanOutputs(image, canvas, boxes, faces)).map(Embedding::new).toList();
    }
}
