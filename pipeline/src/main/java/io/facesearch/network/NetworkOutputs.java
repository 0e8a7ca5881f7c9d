package io.facesearch.network;

import java.util.List;

/**
 * The outputs of one {@link OnnxNetwork#run} call, each flattened row-major with the batch first
 * (so image {@code i} of a {@code [N, K]} output is {@code values[i*K .. i*K+K)}).
 */
public record NetworkOutputs(int batchSize, List<String> names, List<float[]> values) {

    public NetworkOutputs {
        names = List.copyOf(names);
        values = List.copyOf(values);
    }

    /** The flattened output of that name. */
    public float[] get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no output " + name + "; outputs are " + names);
        }
        return values.get(index);
    }

    /** One image's slice of an output. */
    public float[] row(String name, int image) {
        float[] all = get(name);
        int perImage = all.length / batchSize;
        float[] out = new float[perImage];
        System.arraycopy(all, image * perImage, out, 0, perImage);
        return out;
    }
}
