package io.facesearch.embed;

import io.facesearch.align.FaceAligner;
import io.facesearch.face.Embedding;
import io.facesearch.face.Landmarks;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.model.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * 128-D descriptors from face-api's ResNet (dlib's architecture). Each face is aligned into a
 * 150 x 150 chip; with mirror averaging the chip and its left-right mirror both run and their raw
 * descriptors are averaged, a cheap, deterministic slice of dlib's jitter averaging that keeps
 * accuracy under head roll. Thread-safe; all chips of an image run as one batch.
 */
public final class FaceEmbedder {
    /** Length of the descriptor. */
    public static final int DIMENSION = 128;
    private static final int PLANE = FaceAligner.CHIP_SIZE * FaceAligner.CHIP_SIZE * 3;

    private final Network network;
    private final FaceAligner aligner;
    private final boolean mirrorAverage;

    public FaceEmbedder(Network network, FaceAligner aligner, boolean mirrorAverage) {
        this.network = network;
        this.aligner = aligner;
        this.mirrorAverage = mirrorAverage;
    }

    /** Names the alignment and averaging, e.g. {@code dlib+mirror}. */
    public String id() {
        return aligner.id() + (mirrorAverage ? "+mirror" : "");
    }

    public List<Embedding> embed(RgbImage image, PixelRegion canvas, List<Landmarks> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        int copies = mirrorAverage ? 2 : 1;
        float[] input = new float[PLANE * faces.size() * copies];
        for (int i = 0; i < faces.size(); i++) {
            int offset = i * copies * PLANE;
            aligner.writeChip(image, canvas, faces.get(i), input, offset);
            if (mirrorAverage) {
                mirror(input, offset, offset + PLANE);
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

    /** Copies the chip at {@code from} to {@code to}, mirrored left to right. */
    private static void mirror(float[] buf, int from, int to) {
        int n = FaceAligner.CHIP_SIZE;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int src = from + (y * n + x) * 3;
                int dst = to + (y * n + (n - 1 - x)) * 3;
                buf[dst] = buf[src];
                buf[dst + 1] = buf[src + 1];
                buf[dst + 2] = buf[src + 2];
            }
        }
    }
}
