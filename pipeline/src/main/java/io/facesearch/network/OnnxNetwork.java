package io.facesearch.network;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.ModelFiles;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One ONNX graph loaded in ONNX Runtime through DJL, run on float NHWC batches. Thread-safe.
 *
 * <p>The ONNX Runtime session is shared; DJL predictors are not thread-safe, so each call borrows
 * one from a pool (a new one when all are busy) and returns it afterwards, which bounds them by the
 * number of concurrent callers. Inputs are copied once into a native tensor and outputs copied
 * back into Java arrays before the call returns; all native memory of a call is released by DJL's
 * per-call NDManager.
 *
 * <p>Threads: {@code intraOpThreads} sizes the session's own thread pool, used to split each
 * operator. Batch work with one caller is fastest with all cores; when several threads call
 * {@link #run} concurrently (one image each), use 1 so the callers do not oversubscribe the CPU.
 */
public final class OnnxNetwork implements Network {
    private static final String ENGINE = "OnnxRuntime";

    private final ZooModel<Batch, NetworkOutputs> model;
    private final ConcurrentLinkedDeque<Predictor<Batch, NetworkOutputs>> idle;
    /** Output names in output order; null only inside the warm-up run at load time. */
    private final List<String> outputNames;
    private final long[] imageShape;
    private volatile boolean closed;

    private OnnxNetwork(ZooModel<Batch, NetworkOutputs> model, List<String> outputNames, long[] imageShape) {
        this(model, outputNames, imageShape, new ConcurrentLinkedDeque<>());
    }

    private OnnxNetwork(ZooModel<Batch, NetworkOutputs> model, List<String> outputNames, long[] imageShape,
            ConcurrentLinkedDeque<Predictor<Batch, NetworkOutputs>> idle) {
        this.idle = idle;
        this.model = model;
        this.outputNames = outputNames;
        this.imageShape = imageShape;
    }

    /** Loads one of the face networks with one intra-op thread per available processor (batch use). */
    public static OnnxNetwork load(ModelFiles files, FaceNetwork network) throws IOException {
        return load(files.path(network), network.inputSize(), Runtime.getRuntime().availableProcessors());
    }

    /** Loads one of the face networks. */
    public static OnnxNetwork load(ModelFiles files, FaceNetwork network, int intraOpThreads) throws IOException {
        return load(files.path(network), network.inputSize(), intraOpThreads);
    }

    /**
     * Loads a graph whose single input is float {@code [N, size, size, 3]}. The size is given rather
     * than read because DJL's ONNX Runtime block reports input names without shapes.
     *
     * @param intraOpThreads threads ONNX Runtime may use inside one call (>= 1)
     * @throws IOException if the file is missing, not a valid graph, or does not take that input
     */
    public static OnnxNetwork load(Path onnxFile, int imageSize, int intraOpThreads) throws IOException {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
        }
        long[] imageShape = {imageSize, imageSize, 3};
        Criteria<Batch, NetworkOutputs> criteria = Criteria.builder()
                .setTypes(Batch.class, NetworkOutputs.class)
                .optModelPath(onnxFile.toAbsolutePath().getParent())
                .optModelName(modelName(onnxFile))
                .optEngine(ENGINE)
                .optTranslator(new ArrayTranslator())
                .optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                // The graphs are chains: parallel execution of independent nodes gains nothing.
                .optOption("interOpNumThreads", "1")
                .optOption("executionMode", "SEQUENTIAL")
                .build();
        ZooModel<Batch, NetworkOutputs> model;
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("cannot load " + onnxFile + ": " + e.getMessage(), e);
        }
        try {
            // A first run on a blank image warms ONNX Runtime up (its first call allocates and plans) and
            // tells the output names, which DJL does not expose before a run.
            OnnxNetwork probe = new OnnxNetwork(model, null, imageShape);
            List<String> names = probe.run(new float[Math.toIntExact(imageShape[0] * imageShape[1] * imageShape[2])], 1).names();
            return new OnnxNetwork(model, names, imageShape, probe.idle);
        } catch (RuntimeException e) {
            model.close();
            throw new IOException("cannot run " + onnxFile + " on a " + imageSize + "x" + imageSize + " RGB image: "
                    + e.getMessage(), e);
        }
    }

    private static String modelName(Path onnxFile) {
        String file = onnxFile.getFileName().toString();
        if (!file.endsWith(".onnx")) {
            throw new IllegalArgumentException("expected a .onnx file, got " + onnxFile);
        }
        return file.substring(0, file.length() - ".onnx".length());
    }

    /**
     * Runs the graph on {@code batchSize} images laid out NHWC one after another.
     *
     * @throws IllegalArgumentException if the array length is not {@code batchSize * H * W * C}
     */
    @Override
    public NetworkOutputs run(float[] nhwcBatch, int batchSize) {
        if (closed) {
            throw new IllegalStateException("network is closed");
        }
        long perImage = imageShape[0] * imageShape[1] * imageShape[2];
        if (batchSize < 1 || nhwcBatch.length != perImage * batchSize) {
            throw new IllegalArgumentException("expected " + batchSize + " x " + perImage + " floats, got " + nhwcBatch.length);
        }
        Predictor<Batch, NetworkOutputs> predictor = idle.pollFirst();
        if (predictor == null) {
            predictor = model.newPredictor();
        }
        try {
            return predictor.predict(new Batch(nhwcBatch, batchSize, imageShape));
        } catch (TranslateException e) {
            throw new IllegalStateException("inference failed in " + model.getName() + ": " + e.getMessage(), e);
        } finally {
            release(predictor);
        }
    }

    /** Names of the outputs, in the order of {@link NetworkOutputs#values()}. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Height, width and channels of one input image. */
    public long[] imageShape() {
        return imageShape.clone();
    }

    /**
     * Releases the session and the predictors. Idempotent. Callers must have stopped calling
     * {@link #run}: a run racing with close fails or, in native code, is undefined.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Predictor<Batch, NetworkOutputs> p;
        while ((p = idle.pollFirst()) != null) {
            p.close();
        }
        model.close();
    }

    private void release(Predictor<Batch, NetworkOutputs> predictor) {
        idle.addFirst(predictor);
        if (closed && idle.remove(predictor)) {
            predictor.close();
        }
    }

    /** A batch of NHWC images. */
    record Batch(float[] data, int size, long[] imageShape) {
    }

    /** Wraps the input in a native tensor; copies every output to a float array within the call. */
    private static final class ArrayTranslator implements Translator<Batch, NetworkOutputs> {

        @Override
        public NDList processInput(TranslatorContext ctx, Batch batch) {
            Shape shape = new Shape(batch.size(), batch.imageShape()[0], batch.imageShape()[1], batch.imageShape()[2]);
            return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(batch.data()), shape));
        }

        @Override
        public NetworkOutputs processOutput(TranslatorContext ctx, NDList list) {
            List<String> names = new ArrayList<>(list.size());
            List<float[]> values = new ArrayList<>(list.size());
            for (NDArray array : list) {
                names.add(array.getName());
                values.add(array.toFloatArray());
            }
            return new NetworkOutputs((int) list.get(0).getShape().get(0), names, values);
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
