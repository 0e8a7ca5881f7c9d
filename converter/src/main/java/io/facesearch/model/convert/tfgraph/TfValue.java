package io.facesearch.model.convert.tfgraph;

/**
 * The ONNX value a TensorFlow node was converted to, with how its axes relate to TensorFlow's.
 *
 * @param name the ONNX value name
 * @param height spatial height of an NCHW feature map; 0 for other values
 * @param width spatial width of an NCHW feature map; 0 for other values
 */
record TfValue(String name, Layout layout, int height, int width) {

    /** How a converted value's axes relate to TensorFlow's. */
    enum Layout {
        /** A 4-D NHWC TensorFlow value stored channels-first. */
        NCHW,
        /** Axes exactly as in TensorFlow. */
        TF
    }

    TfValue(String name, Layout layout) {
        this(name, layout, 0, 0);
    }

    /** Another value with the same layout and size. */
    TfValue same(String other) {
        return new TfValue(other, layout, height, width);
    }
}
