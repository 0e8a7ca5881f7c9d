package io.facesearch.model.convert.tfgraph;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outputs of one run of a converted graph in ONNX Runtime, called directly (the pipeline's
 * network wrapper lives downstream of the converter). Each output is flattened row-major, batch first.
 *
 * @param names output names, in graph order
 * @param values the flattened output of each name
 */
record GraphRun(int batchSize, List<String> names, List<float[]> values) {

    /** Runs the graph's single NHWC input on {@code batchSize} square RGB images. */
    static GraphRun of(byte[] graph, int size, float[] images) throws IOException {
        int batchSize = images.length / (size * size * 3);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(graph, new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images),
                        new long[] {batchSize, size, size, 3});
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
            List<String> names = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> output : result) {
                OnnxTensor tensor = (OnnxTensor) output.getValue();
                FloatBuffer buffer = tensor.getFloatBuffer();
                float[] flat = new float[buffer.remaining()];
                buffer.get(flat);
                names.add(output.getKey());
                values.add(flat);
            }
            return new GraphRun(batchSize, names, values);
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime rejected the graph: " + e.getMessage(), e);
        }
    }

    /** The flattened output of that name. */
    float[] get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no output " + name + "; outputs are " + names);
        }
        return values.get(index);
    }

    /** One image's slice of an output. */
    float[] row(String name, int image) {
        float[] all = get(name);
        int perImage = all.length / batchSize;
        float[] out = new float[perImage];
        System.arraycopy(all, image * perImage, out, 0, perImage);
        return out;
    }
}
