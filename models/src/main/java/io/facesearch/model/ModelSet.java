package io.facesearch.model;

import java.util.Arrays;
import java.util.List;

/**
 * The graphs converted from one pinned npm package. A set is prepared, cached and checked as a
 * unit, in its own versioned cache directory {@code <prefix>-<package version>-c<converter
 * version>}, so the sets are independent: one can be missing or stale without touching the other.
 */
public enum ModelSet {
    /** The four face-api networks; every pipeline needs them. */
    FACE_API("face-api", PinnedPackage.FACE_API, ModelVersions.FACE_API_GRAPHS, ModelDirectory.MANIFEST,
            Arrays.stream(FaceNetwork.values()).map(FaceNetwork::fileName).toList()),

    /** Networks from Human's collection (faceres); only code that asks for them needs them. */
    HUMAN_MODELS("human-models", PinnedPackage.HUMAN_MODELS, ModelVersions.HUMAN_MODELS_GRAPHS,
            "human-models.properties", Arrays.stream(HumanNetwork.values()).map(HumanNetwork::fileName).toList());

    private final String prefix;
    private final PinnedPackage source;
    private final int converterVersion;
    private final String manifestName;
    private final List<String> graphFiles;

    ModelSet(String prefix, PinnedPackage source, int converterVersion, String manifestName, List<String> graphFiles) {
        this.prefix = prefix;
        this.source = source;
        this.converterVersion = converterVersion;
        this.manifestName = manifestName;
        this.graphFiles = graphFiles;
    }

    /** The npm package the graphs are converted from. */
    public PinnedPackage source() {
        return source;
    }

    /** Version of the conversion that wrote the graphs ({@link ModelVersions}). */
    public int converterVersion() {
        return converterVersion;
    }

    /**
     * Name of the manifest written beside the graphs. Distinct per set, so that one prepared
     * directory can hold the graphs of every set; face-api keeps the name it always had.
     */
    public String manifestName() {
        return manifestName;
    }

    /** File names of the ONNX graphs of this set. */
    public List<String> graphFiles() {
        return graphFiles;
    }

    /** Name of the cache directory, e.g. {@code face-api-1.7.15-c2}. */
    public String directoryName() {
        return prefix + "-" + source.version() + "-c" + converterVersion;
    }
}
