package io.facesearch.model.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Weight layout conversions and TF padding, on values small enough to check by hand. */
class TensorLayoutTest {

    @Test
    void hwioBecomesOihw() {
        // HWIO [1, 2, 2, 3]: value = 100*w + 10*i + o
        float[] data = new float[12];
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < 2; i++) {
                for (int o = 0; o < 3; o++) {
                    data[(w * 2 + i) * 3 + o] = 100 * w + 10 * i + o;
                }
            }
        }
        ConvWeights conv = ConvWeights.fromHwio(new Tensor("k", new int[] {1, 2, 2, 3}, data), null);
        assertArrayEquals(new int[] {3, 2, 1, 2}, conv.kernel().shape());
        // OIHW [o=2][i=1][h=0][w=0..1] = 10 + 2 and 100 + 10 + 2
        assertArrayEquals(new float[] {12, 112}, slice(conv.kernel().data(), (2 * 2 + 1) * 2, 2));
    }

    @Test
    void depthwiseFilterBecomesGroupedKernel() {
        // [kh=1, kw=2, C=3, 1]: value = 10*w + c
        float[] data = {0, 1, 2, 10, 11, 12};
        ConvWeights conv = ConvWeights.depthwise(new Tensor("d", new int[] {1, 2, 3, 1}, data), null);
        assertArrayEquals(new int[] {3, 1, 1, 2}, conv.kernel().shape());
        assertArrayEquals(new float[] {0, 10, 1, 11, 2, 12}, conv.kernel().data());
    }

    @Test
    void affineFoldScalesKernelAndBias() {
        ConvWeights conv = new ConvWeights(new Tensor("k", new int[] {2, 1, 1, 1}, new float[] {1, 2}), new float[] {3, 4});
        ConvWeights folded = conv.thenAffine(new float[] {10, -1}, new float[] {0.5f, 1});
        assertArrayEquals(new float[] {10, -2}, folded.kernel().data());
        assertArrayEquals(new float[] {30.5f, -3}, folded.bias());
    }

    @Test
    void tfSamePutsTheOddPixelAfter() {
        assertArrayEquals(new long[] {1, 1, 1, 1}, TfPadding.same(112, 3, 1));
        assertArrayEquals(new long[] {0, 0, 1, 1}, TfPadding.same(512, 3, 2));
        assertArrayEquals(new long[] {1, 1, 1, 1}, TfPadding.same(7, 3, 2));
        assertArrayEquals(new long[] {0, 0, 1, 1}, TfPadding.same(2, 3, 2));
        assertArrayEquals(new long[] {0, 0, 0, 0}, TfPadding.same(16, 1, 1));
    }

    private static float[] slice(float[] a, int from, int length) {
        return java.util.Arrays.copyOfRange(a, from, from + length);
    }
}
