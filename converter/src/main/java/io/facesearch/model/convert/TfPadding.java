package io.facesearch.model.convert;

/**
 * TensorFlow's padding rules expressed as explicit ONNX pads for square feature maps.
 *
 * <p>TF {@code 'same'}: output = ceil(in / stride); the total padding
 * {@code max((out - 1) * stride + kernel - in, 0)} is split with the smaller half before and the odd
 * pixel after. So a 3x3 stride-1 conv pads 1 on every side, while a 3x3 stride-2 conv on an even
 * input pads 0 before and 1 after, unlike a symmetric pad of 1 (which shifts the sampling grid by one
 * pixel and silently changes the output).
 */
public final class TfPadding {

    private TfPadding() {
    }

    /** ONNX Conv/Pool {@code pads} {top, left, bottom, right} for TF 'same'. */
    public static long[] same(int inSize, int kernel, int stride) {
        int out = sameOutput(inSize, stride);
        int total = Math.max((out - 1) * stride + kernel - inSize, 0);
        long before = total / 2;
        long after = total - before;
        return new long[] {before, before, after, after};
    }

    /**
     * ONNX pads {top, left, bottom, right} for TF 'same' on an {@code inHeight x inWidth} map.
     *
     * @param kernelHeight the kernel's extent including dilation, {@code (k - 1) * dilation + 1}
     */
    public static long[] same(int inHeight, int inWidth, int kernelHeight, int kernelWidth, int strideY, int strideX) {
        long[] vertical = same(inHeight, kernelHeight, strideY);
        long[] horizontal = same(inWidth, kernelWidth, strideX);
        return new long[] {vertical[0], horizontal[0], vertical[2], horizontal[2]};
    }

    public static long[] valid() {
        return new long[] {0, 0, 0, 0};
    }

    public static int sameOutput(int inSize, int stride) {
        return (inSize + stride - 1) / stride;
    }

    public static int validOutput(int inSize, int kernel, int stride) {
        return (inSize - kernel) / stride + 1;
    }
}
