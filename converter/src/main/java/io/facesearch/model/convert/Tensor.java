package io.facesearch.model.convert;

import java.util.Arrays;

/**
 * A dense float tensor in row-major order, as read from a face-api weight file or computed while
 * building a graph. The arrays are shared, not copied: a tensor is a short-lived value of the
 * converter and nobody mutates it after construction.
 */
public record Tensor(String name, int[] shape, float[] data) {

    public Tensor {
        long count = elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + count
                    + " elements, data has " + data.length);
        }
    }

    static long elementCount(int[] shape) {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        return count;
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** The same data under another name and a shape with the same element count. */
    public Tensor reshape(String newName, int... newShape) {
        return new Tensor(newName, newShape.clone(), data);
    }

    /** Axes permuted like numpy's {@code transpose(perm)}: output axis i is input axis perm[i]. */
    public Tensor transpose(int... perm) {
        if (perm.length != shape.length) {
            throw new IllegalArgumentException(name + ": permutation " + Arrays.toString(perm) + " for rank " + rank());
        }
        int rank = shape.length;
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
        }
        int[] inStrides = strides(shape);
        int[] stridesInOutOrder = new int[rank];
        for (int i = 0; i < rank; i++) {
            stridesInOutOrder[i] = inStrides[perm[i]];
        }
        float[] out = new float[data.length];
        int[] index = new int[rank];
        for (int o = 0; o < out.length; o++) {
            int src = 0;
            for (int i = 0; i < rank; i++) {
                src += index[i] * stridesInOutOrder[i];
            }
            out[o] = data[src];
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < outShape[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
        return new Tensor(name, outShape, out);
    }

    private static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
