package io.facesearch.pipeline;

import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.LandmarkAgreement;
import io.facesearch.detect.Detection;
import io.facesearch.detect.FaceDetector;
import io.facesearch.detect.FaceProminence;
import io.facesearch.embed.FaceEmbedder;
import io.facesearch.expression.ExpressionClassifier;
import io.facesearch.face.Embedding;
import io.facesearch.face.Expressions;
import io.facesearch.face.Face;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.DecodedImage;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.InvalidImageException;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.LandmarkLocator;
import io.facesearch.model.ModelVersions;
import io.facesearch.quality.FaceQuality;
import io.facesearch.quality.FaceQualityMeter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The face pipeline, stage by stage: decode (OpenCV) -> detect -> landmarks -> align and embed, plus
 * expressions on request. Each stage is an interface ({@link FaceDetector}, {@link LandmarkLocator},
 * {@link FaceEmbedder}); a {@link Builder} puts them together. Stateless apart from the stages, so
 * thread-safe.
 */
public final class DefaultFacePipeline implements FacePipeline {
    private static final FaceQualityMeter QUALITY = new FaceQualityMeter();

    private final ImageDecoder decoder;
    private final FaceDetector detector;
    private final LandmarkLocator landmarks;
    private final FaceEmbedder embedder;
    private final ExpressionClassifier expressions;
    private final boolean levelledLandmarks;
    private final StageObserver observer;
    private final String modelId;
    private final List<AutoCloseable> resources;

    private DefaultFacePipeline(Builder builder) {
        this.decoder = builder.decoder;
        this.detector = builder.detector;
        this.landmarks = builder.landmarks;
        this.embedder = builder.embedder;
        this.expressions = builder.expressions;
        this.levelledLandmarks = builder.levelledLandmarks;
        this.observer = builder.observer;
        this.modelId = builder.modelVersion + "/" + embedder.id();
        this.resources = List.copyOf(builder.resources);
    }

    /** A builder with no stage set. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AnalyzedImage analyze(byte[] encodedImage, AnalysisOptions options) throws InvalidImageException {
        long start = System.nanoTime();
        DecodedImage decoded = decoder.decode(encodedImage);
        observer.stageCompleted(PipelineStage.DECODE, System.nanoTime() - start);
        List<Face> faces = analyze(decoded.pixels(), options);
        double scale = decoded.scale();
        List<FaceQuality> quality = List.of();
        if (options.quality()) {
            // Only the faces a caller can keep: measuring is a chip per face, wasted on the others.
            quality = faces.stream().limit(options.maxEmbedded()).map(f -> QUALITY.measure(decoded.pixels(), f, scale)).toList();
        }
        if (scale != 1.0) {
            faces = faces.stream().map(f -> scaled(f, scale)).toList();
        }
        return new AnalyzedImage(decoded.width(), decoded.height(), faces, quality);
    }

    /**
     * Faces of an already decoded image, main face first: faces whose landmarks agree with their box
     * ({@link LandmarkAgreement}) by prominence ({@link FaceProminence}), then the others.
     */
    public List<Face> analyze(RgbImage image, AnalysisOptions options) {
        StageObserver timing = observer;
        long t0 = System.nanoTime();
        FaceDetector.Result detected = detector.detect(image);
        PixelRegion canvas = detected.canvas();
        List<Detection> ranked = new ArrayList<>(detected.faces());
        long t1 = System.nanoTime();
        timing.stageCompleted(PipelineStage.DETECT, t1 - t0);
        ranked.sort(Comparator.comparing(Detection::box, FaceProminence.mainFirst(image.width(), image.height())));
        Located located = locateMainFirst(image, canvas, ranked, options.maxFaces());
        List<Detection> found = located.faces();
        List<FaceBox> boxes = found.stream().map(Detection::box).toList();
        List<Landmarks> points = levelledLandmarks ? levelled(image, canvas, boxes, located.points()) : located.points();
        long t2 = System.nanoTime();
        timing.stageCompleted(PipelineStage.LANDMARKS, t2 - t1);
        List<Embedding> embeddings = null;
        if (options.embeddings()) {
            int embedded = Math.min(options.maxEmbedded(), found.size());
            embeddings = new ArrayList<>(embedder.embed(image, canvas, boxes.subList(0, embedded), points.subList(0, embedded)));
            while (embeddings.size() < found.size()) {
                embeddings.add(null);
            }
            timing.stageCompleted(PipelineStage.EMBED, System.nanoTime() - t2);
        }
        List<Expressions> moods = null;
        if (options.expressions()) {
            if (expressions == null) {
                throw new IllegalStateException("this pipeline has no expression classifier; build it with optExpressionClassifier");
            }
            long t3 = System.nanoTime();
            moods = expressions.classify(image, canvas, points);
            timing.stageCompleted(PipelineStage.EXPRESSION, System.nanoTime() - t3);
        }
        List<Face> faces = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            faces.add(new Face(boxes.get(i), found.get(i).score(), points.get(i),
                    embeddings == null ? null : embeddings.get(i), moods == null ? null : moods.get(i)));
        }
        return faces;
    }

    /** Detections and their landmarks, in the order the pipeline returns them. */
    private record Located(List<Detection> faces, List<Landmarks> points) {
    }

    /**
     * Landmarks for up to {@code maxFaces} of the {@code ranked} faces: those whose landmarks agree
     * with their box first, in rank order, then the others. Most photos need one landmark batch: the
     * first {@code maxFaces} faces all agree.
     */
    private Located locateMainFirst(RgbImage image, PixelRegion canvas, List<Detection> ranked, int maxFaces) {
        Located agreeing = new Located(new ArrayList<>(), new ArrayList<>());
        Located disagreeing = new Located(new ArrayList<>(), new ArrayList<>());
        int next = 0;
        while (agreeing.faces().size() < maxFaces && next < ranked.size()) {
            List<Detection> batch = ranked.subList(next, Math.min(ranked.size(), next + maxFaces - agreeing.faces().size()));
            next += batch.size();
            List<Landmarks> points = landmarks.locate(image, canvas, batch.stream().map(Detection::box).toList());
            for (int i = 0; i < batch.size(); i++) {
                Located into = LandmarkAgreement.agrees(batch.get(i).box(), points.get(i)) ? agreeing : disagreeing;
                into.faces().add(batch.get(i));
                into.points().add(points.get(i));
            }
        }
        for (int i = 0; i < disagreeing.faces().size() && agreeing.faces().size() < maxFaces; i++) {
            agreeing.faces().add(disagreeing.faces().get(i));
            agreeing.points().add(disagreeing.points().get(i));
        }
        return agreeing;
    }

    /**
     * The landmarks read again with each face turned level by its roll in the first reading (the fit
     * of its points to the mean face). Faces already level, or rolled beyond what a chip follows,
     * keep their first reading: turning by 0 gives the same crop.
     */
    private List<Landmarks> levelled(RgbImage image, PixelRegion canvas, List<FaceBox> boxes, List<Landmarks> first) {
        List<Integer> tilted = new ArrayList<>();
        List<Double> rolls = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            double roll = DlibFaceChip.fit(first.get(i)).angle();
            if (roll != 0) {
                tilted.add(i);
                rolls.add(roll);
            }
        }
        if (tilted.isEmpty()) {
            return first;
        }
        List<Landmarks> again = landmarks.locateTurned(image, canvas, tilted.stream().map(boxes::get).toList(),
                rolls.stream().mapToDouble(Double::doubleValue).toArray());
        List<Landmarks> out = new ArrayList<>(first);
        for (int k = 0; k < tilted.size(); k++) {
            out.set(tilted.get(k), again.get(k));
        }
        return out;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int embeddingDimension() {
        return embedder.dimension();
    }

    /** Closes what the builder was given to close (the networks), in the order given. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot close " + resource + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Face scaled(Face f, double s) {
        FaceBox b = f.box();
        float[] xy = f.landmarks().toArray();
        for (int i = 0; i < xy.length; i++) {
            xy[i] *= (float) s;
        }
        return new Face(new FaceBox((float) (b.x() * s), (float) (b.y() * s), (float) (b.width() * s),
                (float) (b.height() * s)), f.score(), new Landmarks(xy), f.embedding(), f.expressions());
    }

    /**
     * Puts a pipeline together, DJL style: the stages it cannot run without are set with
     * {@code setX}, the optional ones with {@code optX}; {@link #build()} checks and names what is
     * missing. The stages are used as given: the networks they run on are closed with the pipeline
     * only when handed to {@link #optCloseOnClose}.
     */
    public static final class Builder {
        private ImageDecoder decoder = new ImageDecoder();
        private FaceDetector detector;
        private LandmarkLocator landmarks;
        private FaceEmbedder embedder;
        private ExpressionClassifier expressions;
        private boolean levelledLandmarks;
        private StageObserver observer = StageObserver.NONE;
        private String modelVersion = ModelVersions.faceApiOutputs();
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder() {
        }

        /** Required: finds the faces. */
        public Builder setDetector(FaceDetector detector) {
            this.detector = detector;
            return this;
        }

        /** Required: places the 68 landmarks of each face found. */
        public Builder setLandmarkLocator(LandmarkLocator landmarks) {
            this.landmarks = landmarks;
            return this;
        }

        /** Required: aligns and embeds each located face; it sets the pipeline's embedding dimension. */
        public Builder setEmbedder(FaceEmbedder embedder) {
            this.embedder = embedder;
            return this;
        }

        /** Decodes the image bytes; OpenCV's {@link ImageDecoder} with its default limits unless set. */
        public Builder optDecoder(ImageDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /** Classifies expressions when {@link AnalysisOptions#expressions()} asks; without one, asking fails. */
        public Builder optExpressionClassifier(ExpressionClassifier expressions) {
            this.expressions = expressions;
            return this;
        }

        /**
         * Reads each face's landmarks a second time with the face turned level by the roll of its
         * first reading, and keeps that reading (off unless set).
         */
        public Builder optLevelledLandmarks(boolean levelledLandmarks) {
            this.levelledLandmarks = levelledLandmarks;
            return this;
        }

        /** Told how long each stage of each image took (metrics, benchmarks); none unless set. */
        public Builder optStageObserver(StageObserver observer) {
            this.observer = observer;
            return this;
        }

        /**
         * The first part of the model id, naming the networks before the embedder's own id;
         * {@link ModelVersions#faceApiOutputs()} unless set.
         */
        public Builder optModelVersion(String modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        /** Closes {@code resource} (a network the stages run on) when the pipeline is closed. */
        public Builder optCloseOnClose(AutoCloseable resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * The pipeline.
         *
         * @throws IllegalStateException naming the first required stage that was not set, or a null
         *     optional one
         */
        public DefaultFacePipeline build() {
            require(detector, "a face detector: setDetector");
            require(landmarks, "a landmark locator: setLandmarkLocator");
            require(embedder, "a face embedder: setEmbedder");
            require(decoder, "an image decoder: optDecoder was given null");
            require(observer, "a stage observer: optStageObserver was given null (use StageObserver.NONE)");
            require(modelVersion, "a model version: optModelVersion was given null");
            return new DefaultFacePipeline(this);
        }

        private static void require(Object stage, String what) {
            if (stage == null) {
                throw new IllegalStateException("the face pipeline needs " + what);
            }
        }
    }
}
