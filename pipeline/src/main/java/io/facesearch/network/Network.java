package io.facesearch.network;

/**
 * A neural network taking a batch of NHWC float32 RGB images (0..255) of a fixed square size.
 * Implementations are thread-safe.
 */
public interface Network extends AutoCloseable {

    /**
     * Runs one batch.
     *
     * @param nhwc {@code batch * size * size * 3} values
     * @return each graph output flattened, by name
     */
    NetworkOutputs run(float[] nhwc, int batch);

    @Override
    void close();
}
