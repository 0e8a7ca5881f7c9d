package io.facesearch.pipeline;

import io.facesearch.compare.DistanceMetric;
import io.facesearch.compare.FalseAcceptRates;
import io.facesearch.detect.SsdFaceDetector;
import io.facesearch.embed.ResNetFaceEmbedder;
import io.facesearch.expression.ExpressionClassifier;
import io.facesearch.landmarks.FaceLandmark68Locator;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.ModelVersions;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the default face pipeline on the prepared face-api models ({@link PreparedModels}): SSD
 * detector, 68-point landmarks, ResNet embedder and expression classifier, configured by
 * {@link PipelineSettings}.
 */
public final class FacePipelines {

    private FacePipelines() {
    }

    /**
     * A pipeline whose networks each use one thread per call: the right choice when several threads
     * analyse images concurrently (the server, the indexer, the command line with {@code --threads}).
     *
     * @throws io.facesearch.model.ModelUnavailableException naming the command that installs the models
     */
    public static DefaultFacePipeline open(PipelineSettings settings) {
        return open(settings, 1);
    }

    /** @param intraOpThreads threads each network may use inside one call */
    public static DefaultFacePipeline open(PipelineSettings settings, int intraOpThreads) {
        return open(settings, intraOpThreads, StageObserver.NONE);
    }

    /**
     * @param intraOpThreads threads each network may use inside one call
     * @param observer told how long each stage of each image took
     */
    public static DefaultFacePipeline open(PipelineSettings settings, int intraOpThreads, StageObserver observer) {
        ModelFiles files = PreparedModels.resolve();
        Map<FaceNetwork, OnnxNetwork> loaded = new EnumMap<>(FaceNetwork.class);
        try {
            for (FaceNetwork n : new FaceNetwork[] {FaceNetwork.DETECTOR, FaceNetwork.LANDMARKS,
                    FaceNetwork.RECOGNITION, FaceNetwork.EXPRESSION}) {
                loaded.put(n, OnnxNetwork.load(files, n, intraOpThreads));
            }
        } catch (IOException e) {
            loaded.values().forEach(OnnxNetwork::close);
            throw new UncheckedIOException("cannot load the face models from " + files.directory(), e);
        }
        DefaultFacePipeline.Builder builder = DefaultFacePipeline.builder()
                .setDetector(new SsdFaceDetector(loaded.get(FaceNetwork.DETECTOR), settings.detector()))
                .setLandmarkLocator(new FaceLandmark68Locator(loaded.get(FaceNetwork.LANDMARKS), settings.mirroredLandmarks()))
                .setEmbedder(new ResNetFaceEmbedder(loaded.get(FaceNetwork.RECOGNITION), settings.aligner(), settings.views()))
                .optExpressionClassifier(new ExpressionClassifier(loaded.get(FaceNetwork.EXPRESSION)))
                .optLevelledLandmarks(settings.levelledLandmarks())
                .optStageObserver(observer)
                .optModelVersion(modelVersion());
        loaded.values().forEach(builder::optCloseOnClose);
        return builder.build();
    }

    /**
     * The weights package and the version of what its converted networks compute
     * ({@link ModelVersions#FACE_API_OUTPUTS}), e.g. {@code face-api-1.7.15-c1}.
     */
    public static String modelVersion() {
        return ModelVersions.faceApiOutputs();
    }

    /**
     * The model id of the pipeline {@link #open} builds with {@link PipelineSettings#DEFAULT}, e.g.
     * {@code face-api-1.7.15-c1/dlib+mirror}: the embedding space FaceSearch's measured figures (the
     * false-accept rates of {@code FalseAcceptRates.DEFAULT_EUCLIDEAN}) are for.
     */
    public static String defaultModelId() {
        return modelVersion() + "/" + PipelineSettings.DEFAULT.embeddingId();
    }

    /**
     * The measured false-accept rates of thresholds for embeddings of a model compared in a metric:
     * {@link FalseAcceptRates#DEFAULT_EUCLIDEAN} for the {@linkplain #defaultModelId() default model}
     * with the euclidean distance; empty for anything else, which was not measured.
     */
    public static Optional<FalseAcceptRates> falseAcceptRates(String modelId, DistanceMetric metric) {
        return metric == DistanceMetric.EUCLIDEAN && defaultModelId().equals(modelId)
                ? Optional.of(FalseAcceptRates.DEFAULT_EUCLIDEAN) : Optional.empty();
    }
}
