package io.facesearch.model.convert.tfgraph;

import static io.facesearch.model.convert.tfgraph.TfGraphJson.bool;
import static io.facesearch.model.convert.tfgraph.TfGraphJson.ints;
import static io.facesearch.model.convert.tfgraph.TfGraphJson.string;
import static io.facesearch.model.convert.tfgraph.TfGraphJson.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.model.convert.tfgraph.TfGraphConverter.Input;
import io.facesearch.model.convert.tfgraph.TfGraphConverter.Output;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each TensorFlow op mapping, on tiny graphs run in ONNX Runtime and compared with TensorFlow's
 * semantics written out in plain Java (NHWC, SAME padding with the odd pixel after, depthwise
 * channel order, broadcasting along channels, reductions, fused MatMul). Two images per batch, so a
 * mix-up of batch and other axes shows.
 */
class TfGraphConverterTest {
    @ParameterizedTest(name = "conv {0}x{0} k{1} stride {2} dilation {3} {4}")
    @CsvSource({"8, 3, 2, 1, SAME", "7, 3, 2, 1, SAME", "7, 3, 1, 2, SAME", "7, 3, 2, 1, VALID", "6, 1, 1, 1, SAME"})
    void convWithBatchNormAndRelu6MatchesTensorFlow(int size, int k, int stride, int dilation, String padding)
            throws IOException {
        int cout = 4;
        float[] filter = values(k * k * 3 * cout, 1);
        float[] scale = {0.5f, -1f, 2f, 0.25f};
        float[] shift = {1f, 0.5f, -0.5f, 3f};
        TfGraphJson g = new TfGraphJson().placeholder("x")
                .constant("w", new int[] {k, k, 3, cout}, filter)
                .constant("scale", new int[] {cout}, scale)
                .constant("shift", new int[] {cout}, shift)
                .constant("six", new int[0], 6f)
                .constant("zero", new int[0], 0f);
        convAttributes(g.op("conv", "Conv2D", "x", "w"), stride, dilation, padding);
        g.op("bn_mul", "Mul", "conv", "scale");
        g.op("bn_add", "Add", "bn_mul", "shift");
        g.op("relu", "Relu", "bn_add");
        g.op("min", "Minimum", "relu", "six");
        g.op("max", "Maximum", "min", "zero");
        int out = outputSize(size, k, stride, dilation, padding);

        float[] images = values(2 * size * size * 3, 7);
        for (int i = 0; i < images.length; i++) {
            images[i] *= 4; // large enough that some outputs reach the clip at 6
        }
        float[] result = run(g, size, List.of(new Output("max", "y", out, out, cout)), images).get("y");

        float[] expected = new float[result.length];
        int plane = size * size * 3;
        for (int n = 0; n < 2; n++) {
            float[] image = java.util.Arrays.copyOfRange(images, n * plane, (n + 1) * plane);
            float[] conv = conv(image, size, 3, filter, k, cout, 0, stride, dilation, padding);
            for (int i = 0; i < conv.length; i++) {
                int c = i % cout;
                expected[n * conv.length + i] = Math.max(Math.min(Math.max(conv[i] * scale[c] + shift[c], 0), 6), 0);
            }
        }
        assertArrayEquals(expected, result, 1e-4f);
    }

    @ParameterizedTest(name = "depthwise {0}x{0} multiplier {1} stride {2} dilation {3} {4}")
    @CsvSource({"8, 1, 2, 1, SAME", "7, 2, 1, 2, SAME", "7, 2, 2, 1, VALID"})
    void depthwiseConvMatchesTensorFlow(int size, int multiplier, int stride, int dilation, String padding)
            throws IOException {
        float[] filter = values(3 * 3 * 3 * multiplier, 3);
        TfGraphJson g = new TfGraphJson().placeholder("x").constant("w", new int[] {3, 3, 3, multiplier}, filter);
        convAttributes(g.op("dw", "DepthwiseConv2dNative", "x", "w"), stride, dilation, padding);
        int out = outputSize(size, 3, stride, dilation, padding);

        float[] images = values(2 * size * size * 3, 11);
        float[] result = run(g, size, List.of(new Output("dw", "y", out, out, 3 * multiplier)), images).get("y");

        int plane = size * size * 3;
        float[] first = conv(java.util.Arrays.copyOfRange(images, 0, plane), size, 3, filter, 3, 3 * multiplier,
                multiplier, stride, dilation, padding);
        float[] second = conv(java.util.Arrays.copyOfRange(images, plane, 2 * plane), size, 3, filter, 3,
                3 * multiplier, multiplier, stride, dilation, padding);
        float[] expected = new float[first.length * 2];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertArrayEquals(expected, result, 1e-4f);
    }

    @Test
    void poolingAndFusedHeadsMatchTensorFlow() throws IOException {
        float[] w1 = values(3 * 5, 5);
        float[] b1 = values(5, 6);
        float[] w2 = values(5 * 4, 8);
        float[] b2 = values(4, 9);
        float[] w3 = values(5, 10);
        float[] b3 = {0.5f};
        TfGraphJson g = new TfGraphJson().placeholder("x")
                .intConstant("axes", 1, 2)
                .constant("w1", new int[] {3, 5}, w1).constant("b1", new int[] {5}, b1)
                .constant("w2", new int[] {5, 4}, w2).constant("b2", new int[] {4}, b2)
                .constant("w3", new int[] {5, 1}, w3).constant("b3", new int[] {1}, b3);
        bool(g.op("mean", "Mean", "x", "axes"), "keep_dims", false);
        strings(g.op("feats", "_FusedMatMul", "mean", "w1", "b1"), "fused_ops", "BiasAdd", "Relu");
        strings(g.op("logits", "_FusedMatMul", "feats", "w2", "b2"), "fused_ops", "BiasAdd");
        g.op("probabilities", "Softmax", "logits");
        strings(g.op("gate", "_FusedMatMul", "feats:0", "w3", "b3", "^mean"), "fused_ops", "BiasAdd");
        g.op("sigmoid", "Sigmoid", "gate");

        int size = 4;
        float[] images = values(2 * size * size * 3, 2);
        GraphRun out = run(g, size, List.of(new Output("mean", "pooled", 3),
                new Output("probabilities", "p", 4), new Output("sigmoid", "s", 1)), images);

        for (int n = 0; n < 2; n++) {
            float[] mean = new float[3];
            for (int i = 0; i < size * size; i++) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += images[n * size * size * 3 + i * 3 + c] / (size * size);
                }
            }
            float[] feats = dense(mean, w1, b1);
            for (int i = 0; i < feats.length; i++) {
                feats[i] = Math.max(feats[i], 0);
            }
            float[] logits = dense(feats, w2, b2);
            double sum = 0;
            for (float l : logits) {
                sum += Math.exp(l);
            }
            float[] p = new float[4];
            for (int i = 0; i < 4; i++) {
                p[i] = (float) (Math.exp(logits[i]) / sum);
            }
            float s = (float) (1 / (1 + Math.exp(-dense(feats, w3, b3)[0])));
            assertArrayEquals(mean, out.row("pooled", n), 1e-4f);
            assertArrayEquals(p, out.row("p", n), 1e-5f);
            assertEquals(s, out.row("s", n)[0], 1e-5f);
        }
    }

    @Test
    void anUnknownOpFailsNamingTheNode() throws IOException {
        TfGraphJson g = new TfGraphJson().placeholder("x");
        g.op("squash", "Tanh", "x");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> convert(g, 4,
                List.of(new Output("squash", "y", 4, 4, 3))));
        assertTrue(e.getMessage().contains("squash (Tanh)"), e.getMessage());
        assertTrue(e.getMessage().contains("Conv2D"), e.getMessage());
    }

    @Test
    void unsupportedAttributesFailNamingTheNode() throws IOException {
        TfGraphJson explicit = new TfGraphJson().placeholder("x").constant("w", new int[] {1, 1, 3, 1}, 1, 1, 1);
        convAttributes(explicit.op("conv", "Conv2D", "x", "w"), 1, 1, "EXPLICIT");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> convert(explicit, 4, List.of(new Output("conv", "y", 4, 4, 1))));
        assertTrue(e.getMessage().contains("conv (Conv2D)") && e.getMessage().contains("EXPLICIT"), e.getMessage());

        TfGraphJson nchw = new TfGraphJson().placeholder("x").constant("w", new int[] {1, 1, 3, 1}, 1, 1, 1);
        string(convAttributes(nchw.op("conv", "Conv2D", "x", "w"), 1, 1, "SAME"), "data_format", "NCHW");
        e = assertThrows(UnsupportedOperationException.class,
                () -> convert(nchw, 4, List.of(new Output("conv", "y", 4, 4, 1))));
        assertTrue(e.getMessage().contains("NCHW"), e.getMessage());

        TfGraphJson fused = new TfGraphJson().placeholder("x").intConstant("axes", 1, 2)
                .constant("w", new int[] {3, 1}, 1, 1, 1).constant("b", new int[] {1}, 0);
        bool(fused.op("mean", "Mean", "x", "axes"), "keep_dims", false);
        strings(fused.op("fc", "_FusedMatMul", "mean", "w", "b"), "fused_ops", "BiasAdd", "Elu");
        e = assertThrows(UnsupportedOperationException.class,
                () -> convert(fused, 4, List.of(new Output("fc", "y", 1))));
        assertTrue(e.getMessage().contains("fc (_FusedMatMul)") && e.getMessage().contains("Elu"), e.getMessage());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static ObjectNode convAttributes(ObjectNode attr, int stride, int dilation, String padding) {
        ints(attr, "strides", 1, stride, stride, 1);
        ints(attr, "dilations", 1, dilation, dilation, 1);
        ints(attr, "explicit_paddings");
        string(attr, "data_format", "NHWC");
        return string(attr, "padding", padding);
    }

    private static byte[] convert(TfGraphJson g, int size, List<Output> outputs) throws IOException {
        return TfGraphConverter.convert(g.read(), "test", new Input("x", "image", size, size, 3), outputs, "test")
                .toByteArray();
    }

    private static GraphRun run(TfGraphJson g, int size, List<Output> outputs, float[] images)
            throws IOException {
        GraphRun run = GraphRun.of(convert(g, size, outputs), size, images);
        assertEquals(outputs.stream().map(Output::name).toList(), run.names());
        return run;
    }

    /** Deterministic values that are exact in float16 (multiples of 1/8 in -1..1), varied by seed. */
    private static float[] values(int count, int seed) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (((i + seed) * 37 + seed * 11) % 17 - 8) / 8f;
        }
        return v;
    }

    private static int outputSize(int size, int k, int stride, int dilation, String padding) {
        int effective = (k - 1) * dilation + 1;
        return padding.equals("SAME") ? (size + stride - 1) / stride : (size - effective) / stride + 1;
    }

    /**
     * TensorFlow's conv2d (multiplier 0) or depthwise_conv2d (multiplier M: filter {@code [k,k,C,M]},
     * output channel {@code c*M + m}) of one NHWC image. SAME pads {@code total/2} before and the rest
     * after.
     */
    private static float[] conv(float[] x, int size, int cin, float[] filter, int k, int cout, int multiplier,
            int stride, int dilation, String padding) {
        int out = outputSize(size, k, stride, dilation, padding);
        int effective = (k - 1) * dilation + 1;
        int before = padding.equals("SAME") ? Math.max((out - 1) * stride + effective - size, 0) / 2 : 0;
        float[] y = new float[out * out * cout];
        for (int oy = 0; oy < out; oy++) {
            for (int ox = 0; ox < out; ox++) {
                for (int o = 0; o < cout; o++) {
                    double sum = 0;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = oy * stride + ky * dilation - before;
                            int ix = ox * stride + kx * dilation - before;
                            if (iy < 0 || ix < 0 || iy >= size || ix >= size) {
                                continue;
                            }
                            int pixel = (iy * size + ix) * cin;
                            if (multiplier > 0) {
                                int c = o / multiplier;
                                sum += x[pixel + c] * filter[((ky * k + kx) * cin + c) * multiplier + o % multiplier];
                            } else {
                                for (int c = 0; c < cin; c++) {
                                    sum += x[pixel + c] * filter[((ky * k + kx) * cin + c) * cout + o];
                                }
                            }
                        }
                    }
                    y[(oy * out + ox) * cout + o] = (float) sum;
                }
            }
        }
        return y;
    }

    private static float[] dense(float[] x, float[] w, float[] b) {
        int outs = b.length;
        float[] y = b.clone();
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < outs; o++) {
                y[o] += x[i] * w[i * outs + o];
            }
        }
        return y;
    }
}
