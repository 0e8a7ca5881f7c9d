package io.facesearch.embed;

import io.facesearch.align.ChipView;
import io.facesearch.align.FaceAligner;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.network.Network;
import java.util.List;

/**
 * Runs an embedding network on every view of every face of an image as one batch, and averages each
 * face's outputs over its views. What both embedders share; they differ in network and in what they
 * do with the mean.
 *
 * @param network the embedding network
 * @param output the name of its embedding output
 * @param dimension the length of that output per image
 * @param aligner the chip fed to the network
 * @param views the chips of each face whose outputs are averaged, at least one
 * @param size the network's input side in pixels
 */
record ChipViews(Network network, String output, int dimension, FaceAligner aligner, List<ChipView> views, int size) {

    ChipViews {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("at least one chip view is needed");
        }
        views = List.copyOf(views);
    }

    /** Names the alignment and averaging, e.g. {@code dlib+mirror}. */
    String id() {
        return aligner.id() + ChipView.describe(views);
    }

    /**
     * The mean output over the views of each face, parallel to {@code faces}: what every embedder
     * built on chips computes, checked as {@link FaceEmbedder#embed} promises.
     *
     * @throws IllegalArgumentException if {@code boxes} and {@code faces} differ in length
     */
    float[][] meanOutputs(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, List<Landmarks> faces) {
        if (boxes.size() != faces.size()) {
            throw new IllegalArgumentException(boxes.size() + " boxes for " + faces.size() + " faces");
        }
        if (faces.isEmpty()) {
            return new float[0][];
        }
        int plane = size * size * 3;
        int copies = views.size();
        float[] input = new float[plane * faces.size() * copies];
        int plain = views.indexOf(ChipView.IDENTITY);
        for (int i = 0; i < faces.size(); i++) {
            for (int v = 0; v < copies; v++) {
                int at = (i * copies + v) * plane;
                if (plain >= 0 && plain < v && views.get(v).equals(ChipView.MIRROR)) {
                    // The mirror of a chip already cut: flip it rather than sample the image again.
                    int from = (i * copies + plain) * plane;
                    System.arraycopy(input, from, input, at, plane);
                    FaceAligner.mirror(input, at, size);
                } else {
                    aligner.writeChip(image, canvas, boxes.get(i), faces.get(i), views.get(v), size, input, at);
                }
            }
        }
        float[] out = network.run(input, faces.size() * copies).get(output);
        float[][] means = new float[faces.size()][dimension];
        for (int i = 0; i < faces.size(); i++) {
            for (int c = 0; c < copies; c++) {
                int base = (i * copies + c) * dimension;
                for (int k = 0; k < dimension; k++) {
                    means[i][k] += out[base + k] / copies;
                }
            }
        }
        return means;
    }
}
