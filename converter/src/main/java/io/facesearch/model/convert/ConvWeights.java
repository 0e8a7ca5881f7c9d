package io.facesearch.model.convert;

/**
 * The kernel of one ONNX Conv ({@code [out, in/group, kh, kw]}) and its per-output-channel bias.
 * tfjs stores kernels as HWIO; the factories here do the transposes and fold the affine layers that
 * follow a convolution in face-api (dlib's scale layer, MobileNet's frozen BatchNorm) into the kernel,
 * which is exact up to float rounding because both are per-channel affine maps.
 */
public record ConvWeights(Tensor kernel, float[] bias) {

    public ConvWeights {
        if (bias.length != kernel.dim(0)) {
            throw new IllegalArgumentException(kernel.name() + ": " + kernel.dim(0) + " output channels but "
                    + bias.length + " biases");
        }
    }

    /** A regular convolution from an HWIO filter {@code [kh, kw, in, out]}; bias may be null (zeros). */
    public static ConvWeights fromHwio(Tensor hwio, Tensor bias) {
        Tensor oihw = hwio.transpose(3, 2, 0, 1);
        return new ConvWeights(oihw, bias == null ? new float[oihw.dim(0)] : bias.data().clone());
    }

    /**
     * A depthwise convolution from a tfjs filter {@code [kh, kw, C, 1]}, as an ONNX grouped Conv
     * with {@code group = C} and kernel {@code [C, 1, kh, kw]}; bias may be null (zeros).
     */
    public static ConvWeights depthwise(Tensor filter, Tensor bias) {
        if (filter.dim(3) != 1) {
            throw new IllegalArgumentException(filter.name() + ": depthwise multiplier must be 1");
        }
        Tensor kernel = filter.transpose(2, 3, 0, 1);
        return new ConvWeights(kernel, bias == null ? new float[kernel.dim(0)] : bias.data().clone());
    }

    public int outputChannels() {
        return kernel.dim(0);
    }

    public int kernelSize() {
        return kernel.dim(2);
    }

    /** Folds a following {@code y * scale + shift} (per output channel) into kernel and bias. */
    public ConvWeights thenAffine(float[] scale, float[] shift) {
        int out = outputChannels();
        if (scale.length != out || shift.length != out) {
            throw new IllegalArgumentException(kernel.name() + ": affine of " + scale.length + " channels after "
                    + out + " outputs");
        }
        float[] k = kernel.data().clone();
        int perChannel = k.length / out;
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < perChannel; i++) {
                k[o * perChannel + i] *= scale[o];
            }
            b[o] = bias[o] * scale[o] + shift[o];
        }
        return new ConvWeights(new Tensor(kernel.name(), kernel.shape(), k), b);
    }

    /**
     * Folds an inference-mode BatchNorm {@code (y - mean) / sqrt(var + eps) * gamma + beta}.
     *
     * @param epsilon as stored in the original graph (MobileNet v1 uses 0.001 as a float32)
     */
    public ConvWeights thenBatchNorm(float[] gamma, float[] beta, float[] mean, float[] variance, double epsilon) {
        int out = outputChannels();
        float[] scale = new float[out];
        float[] shift = new float[out];
        for (int o = 0; o < out; o++) {
            double s = gamma[o] / Math.sqrt(variance[o] + epsilon);
            scale[o] = (float) s;
            shift[o] = (float) (beta[o] - mean[o] * s);
        }
        return thenAffine(scale, shift);
    }
}
