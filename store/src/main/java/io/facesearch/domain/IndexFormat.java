package io.facesearch.domain;

/** How a collection's search index stores vectors. Backends store the code, so codes are never renumbered. */
public enum IndexFormat {
    /** HNSW graph over 32-bit floats. */
    HNSW_FLOAT32(1),
    /** HNSW graph over scalar-quantised bytes; results are re-ranked with the float vectors. */
    HNSW_INT8(2);

    private final int code;

    IndexFormat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static IndexFormat fromCode(int code) {
        for (IndexFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown index format code " + code);
    }
}
