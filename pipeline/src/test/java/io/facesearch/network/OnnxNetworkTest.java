package io.facesearch.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.facesearch.model.FaceNetwork;
import io.facesearch.model.PreparedModels;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The runtime wrapper on the real landmark graph (the smallest): batching, concurrent callers,
 * input validation and closing. Inputs are deterministic synthetic images; only the weights are real.
 */
class OnnxNetworkTest {
    private static final int SIZE = FaceNetwork.LANDMARKS.inputSize();

    /** A smooth deterministic pattern, different per seed, in 0..255. */
    private static float[] pattern(int seed) {
        float[] image = new float[SIZE * SIZE * 3];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (127.5 + 127.5 * Math.sin(i * 0.001 * (seed + 1) + seed));
        }
        return image;
    }

    @Test
    void aBatchGivesTheSameRowsAsSingleImages() throws IOException {
        try (OnnxNetwork network = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.LANDMARKS, 1)) {
            assertEquals(List.of("landmarks"), network.outputNames());
            float[] a = pattern(1);
            float[] b = pattern(2);
            float[] batch = new float[a.length * 2];
            System.arraycopy(a, 0, batch, 0, a.length);
            System.arraycopy(b, 0, batch, a.length, b.length);
            NetworkOutputs both = network.run(batch, 2);
            assertEquals(2 * 136, both.get("landmarks").length);
            assertArrayEquals(network.run(a, 1).get("landmarks"), both.row("landmarks", 0), 1e-5f);
            assertArrayEquals(network.run(b, 1).get("landmarks"), both.row("landmarks", 1), 1e-5f);
        }
    }

    @Test
    void concurrentCallersGetTheirOwnResults() throws Exception {
        try (OnnxNetwork network = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.LANDMARKS, 1)) {
            int images = 8;
            float[][] expected = new float[images][];
            for (int i = 0; i < images; i++) {
                expected[i] = network.run(pattern(i), 1).get("landmarks");
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> checks = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < images; i++) {
                        int image = i;
                        checks.add(pool.submit(() -> java.util.Arrays.equals(
                                expected[image], network.run(pattern(image), 1).get("landmarks"))));
                    }
                }
                for (Future<Boolean> check : checks) {
                    assertEquals(true, check.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void rejectsWrongInputAndUseAfterClose() throws IOException {
        OnnxNetwork network = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.LANDMARKS, 1);
        assertThrows(IllegalArgumentException.class, () -> network.run(new float[10], 1));
        assertThrows(IllegalArgumentException.class, () -> network.run(pattern(0), 2));
        network.close();
        assertThrows(IllegalStateException.class, () -> network.run(pattern(0), 1));
    }

    @Test
    void aGraphOfAnotherSizeIsRefusedAtLoad() {
        assertThrows(IOException.class,
                () -> OnnxNetwork.load(PreparedModels.resolve().landmarks(), 150, 1));
    }
}
