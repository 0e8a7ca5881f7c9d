package io.facesearch.pipeline;

import io.facesearch.image.ImageDecoder;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.ModelRepository;
import io.facesearch.model.OnnxNetwork;
import io.facesearch.model.PinnedPackage;
import io.facesearch.model.convert.FaceApiConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Opens the face pipeline on the installed models (converting them on first use). */
public final class FacePipelines {

    private FacePipelines() {
    }

    /**
     * A pipeline whose networks each use one thread per call: the right choice when several threads
     * analyse images concurrently (the server, the indexer, the command line with {@code --threads}).
     */
    public static DefaultFacePipeline open(PipelineSettings settings) {
        return open(settings, 1);
    }

    /** @param intraOpThreads threads each network may use inside one call */
    public static DefaultFacePipeline open(PipelineSettings settings, int intraOpThreads) {
        ModelFiles files = ModelRepository.resolve();
        List<OnnxNetwork> loaded = new ArrayList<>();
        try {
            for (FaceNetwork n : new FaceNetwork[] {FaceNetwork.DETECTOR, FaceNetwork.LANDMARKS,
                    FaceNetwork.RECOGNITION, FaceNetwork.EXPRESSION}) {
                loaded.add(OnnxNetwork.load(files, n, intraOpThreads));
            }
        } catch (IOException e) {
            loaded.forEach(OnnxNetwork::close);
            throw new UncheckedIOException("cannot load the face models from " + files.directory(), e);
        }
        FaceNetworks networks = new FaceNetworks(loaded.get(0), loaded.get(1), loaded.get(2), loaded.get(3),
                modelVersion());
        return new DefaultFacePipeline(new ImageDecoder(), networks, settings);
    }

    /**
     * The weights package and the version of what its converted networks compute
     * ({@link FaceApiConverter#OUTPUTS_VERSION}), e.g. {@code face-api-1.7.15-c1}.
     */
    public static String modelVersion() {
        return "face-api-" + PinnedPackage.FACE_API.version() + "-c" + FaceApiConverter.OUTPUTS_VERSION;
    }
}
