package io.facesearch.model;

import io.facesearch.model.convert.FaceApiConverter;
import io.facesearch.model.convert.HumanModelsConverter;
import io.facesearch.model.convert.WeightManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graphs converted from one pinned npm package. A set is fetched, converted, cached and checked
 * as a unit, in its own versioned cache directory {@code <prefix>-<package version>-c<converter
 * version>}, so the sets are independent: one can be missing or stale without touching the other.
 */
enum ModelSet {
    /** The four face-api networks; every pipeline needs them. */
    FACE_API("face-api", PinnedPackage.FACE_API, FaceApiConverter.VERSION, "model/", ModelDirectory.MANIFEST,
            Arrays.stream(FaceNetwork.values()).map(FaceNetwork::fileName).toList()) {
        @Override
        Set<String> packageFiles() {
            Set<String> files = new HashSet<>();
            for (FaceNetwork network : FaceNetwork.values()) {
                files.addAll(WeightArchive.fileNames(network.weightsName()));
            }
            return files;
        }

        @Override
        Map<String, byte[]> convert(Map<String, byte[]> files) throws IOException {
            Map<String, byte[]> graphs = new LinkedHashMap<>();
            for (FaceNetwork network : FaceNetwork.values()) {
                String name = network.weightsName();
                WeightManifest weights = WeightManifest.read(
                        files.get(name + "-weights_manifest.json"), files.get(name + ".bin"));
                graphs.put(network.fileName(), FaceApiConverter.convert(name, weights).toByteArray());
            }
            return graphs;
        }
    },

    /** Networks from Human's collection (faceres); only code that asks for them needs them. */
    HUMAN_MODELS("human-models", PinnedPackage.HUMAN_MODELS, HumanModelsConverter.VERSION, "models/",
            "human-models.properties", Arrays.stream(HumanNetwork.values()).map(HumanNetwork::fileName).toList()) {
        @Override
        Set<String> packageFiles() {
            Set<String> files = new HashSet<>();
            for (HumanNetwork network : HumanNetwork.values()) {
                files.add(network.graphModelName() + ".json");
                files.add(network.graphModelName() + ".bin");
            }
            return files;
        }

        @Override
        Map<String, byte[]> convert(Map<String, byte[]> files) throws IOException {
            Map<String, byte[]> graphs = new LinkedHashMap<>();
            for (HumanNetwork network : HumanNetwork.values()) {
                String name = network.graphModelName();
                graphs.put(network.fileName(),
                        HumanModelsConverter.convert(name, files.get(name + ".json"), files.get(name + ".bin")).toByteArray());
            }
            return graphs;
        }
    };

    private final String prefix;
    private final PinnedPackage source;
    private final int converterVersion;
    private final String packageFolder;
    private final String manifestName;
    private final List<String> graphFiles;

    ModelSet(String prefix, PinnedPackage source, int converterVersion, String packageFolder, String manifestName,
            List<String> graphFiles) {
        this.prefix = prefix;
        this.source = source;
        this.converterVersion = converterVersion;
        this.packageFolder = packageFolder;
        this.manifestName = manifestName;
        this.graphFiles = graphFiles;
    }

    /** The files of {@link #packageFolder()} the conversion reads. */
    abstract Set<String> packageFiles();

    /**
     * The ONNX graphs, by file name, from the extracted package files.
     *
     * @throws IOException if a package file is malformed
     */
    abstract Map<String, byte[]> convert(Map<String, byte[]> packageFiles) throws IOException;

    /** Fetches nothing: extracts the package files from a verified tarball and converts them. */
    Map<String, byte[]> convert(Path tarball) throws IOException {
        return convert(WeightArchive.extract(tarball, packageFolder, packageFiles()));
    }

    PinnedPackage source() {
        return source;
    }

    int converterVersion() {
        return converterVersion;
    }

    /** Folder of the package holding the model files. */
    String packageFolder() {
        return packageFolder;
    }

    /**
     * Name of the manifest written beside the graphs. Distinct per set, so that one prepared
     * directory can hold the graphs of every set; face-api keeps the name it always had.
     */
    String manifestName() {
        return manifestName;
    }

    /** File names of the ONNX graphs of this set. */
    List<String> graphFiles() {
        return graphFiles;
    }

    /** Name of the cache directory, e.g. {@code face-api-1.7.15-c2}. */
    String directoryName() {
        return prefix + "-" + source.version() + "-c" + converterVersion;
    }
}
