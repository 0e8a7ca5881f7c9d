package io.facesearch.embed;

import io.facesearch.align.ChipView;
import io.facesearch.align.FaceAligner;
import io.facesearch.face.Embedding;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.model.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * 128-D descriptors from face-api's ResNet (dlib's architecture). Each face is aligned into one
 * or more 150 x 150 chips (views) whose raw descriptors are averaged: the chip and its mirror by
 * default, a cheap, deterministic slice of dlib's jitter averaging that keeps accuracy under head
 * roll. Thread-safe; all chips of an image run as one batch.
 */
public final class FaceEmbedder {
    /** Length of the descriptor. */
    public static final int DIMENSION = 128;
    private static final int PLANE = FaceAligner.CHIP_SIZE * FaceAligner.CHIP_SIZE * 3;

    private final Network network;
    private final FaceAligner aligner;
    private final List<ChipView> views;

    public FaceEmbedder(Network network, FaceAligner aligner, List<ChipView> views) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("at least one chip view is needed");
        }
        this.network = network;
        this.aligner = aligner;
        this.views = List.copyOf(views);
    }

    /** Names the alignment and averaging, e.g. {@code dlib+mirror}. */
    public String id() {
        return aligner.id() + ChipView.describe(views);
    }

    /** @param boxes the detection box of each face, parallel to {@code faces} */
    public List<Embedding> embed(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, List<Landmarks> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        int copies = views.size();
        float[] input = new float[PLANE * faces.size() * copies];
        for (int i = 0; i < faces.size(); i++) {
            for (int v = 0; v < copies; v++) {
                aligner.writeChip(image, canvas, boxes.get(i), faces.get(i), views.get(v), input,
                        (i * copies + v) * PLANE);
            }
        }
        float[] out = network.run(input, faces.size() * copies).get("descriptor");
        List<Embedding> result = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            float[] d = new float[DIMENSION];
            for (int c = 0; c < copies; c++) {
                int base = (i * copies + c) * DIMENSION;
                for (int k = 0; k < DIMENSION; k++) {
                    d[k] += out[base + k] / copies;
                }
            }
            result.add(new Embedding(d));
        }
        return result;
    }
}
