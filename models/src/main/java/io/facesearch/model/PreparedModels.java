package io.facesearch.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the prepared ONNX face models: the four face-api networks ({@link #files()}) and, only when
 * asked for, the networks taken from Human's collection ({@link #path(HumanNetwork)}). It reads and
 * checks; it never fetches or converts. Preparing is the installer's work ({@code facesearch models
 * install}, which the build also runs).
 *
 * <p>Where models are looked for, first match wins:
 * <ol>
 *   <li>a directory an operator prepared: system property {@value #MODEL_DIR_PROPERTY} or environment
 *       variable {@value #MODEL_DIR_ENV}; the files must be there (a directory with only the four
 *       face-api graphs serves them; asking it for faceres fails), and match the checksums of the
 *       set's manifest when it has one;</li>
 *   <li>the cache, one directory per package: {@code <cacheRoot>/face-api-<version>-c<converter
 *       version>/} and {@code <cacheRoot>/human-models-<version>-c<converter version>/}, where
 *       cacheRoot is system property {@value #CACHE_PROPERTY}, else environment variable
 *       {@value #CACHE_ENV}, else {@code ~/.cache/facesearch/models}; the manifest must name the
 *       pinned package and converter version and the checksums must match.</li>
 * </ol>
 */
public final class PreparedModels {
    public static final String MODEL_DIR_PROPERTY = "facesearch.models.dir";
    public static final String MODEL_DIR_ENV = "FACESEARCH_MODEL_DIR";
    public static final String CACHE_PROPERTY = "facesearch.models.cache";
    public static final String CACHE_ENV = "FACESEARCH_MODEL_CACHE";
    /** The command that prepares the models, named in every error. */
    public static final String INSTALL_COMMAND = "facesearch models install";

    /** What {@link #resolve()} found, per set, for the life of the JVM; failures are not kept. */
    private static final Map<ModelSet, Path> RESOLVED = new ConcurrentHashMap<>();

    private final Path cacheRoot;
    private final Path preparedDir;

    private PreparedModels(Path cacheRoot, Path preparedDir) {
        this.cacheRoot = cacheRoot;
        this.preparedDir = preparedDir;
    }

    /** The locations configured by system properties and environment variables (see class doc). */
    public static PreparedModels fromEnvironment() {
        Path prepared = setting(MODEL_DIR_PROPERTY, MODEL_DIR_ENV).map(Path::of).orElse(null);
        Path cache = setting(CACHE_PROPERTY, CACHE_ENV).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "facesearch", "models"));
        return new PreparedModels(cache, prepared);
    }

    /** The cache under {@code cacheRoot}, ignoring the environment. */
    public static PreparedModels cachedIn(Path cacheRoot) {
        return new PreparedModels(cacheRoot, null);
    }

    /** Only an operator-prepared directory. */
    public static PreparedModels in(Path directory) {
        return new PreparedModels(null, directory);
    }

    /**
     * The face-api models as configured by the environment. Later calls in the same JVM return the
     * same answer without touching the disk.
     *
     * @throws ModelUnavailableException naming the command that prepares them, when they are not there
     */
    public static ModelFiles resolve() {
        return ModelFiles.in(resolve(ModelSet.FACE_API));
    }

    /**
     * One of Human's networks as configured by the environment, like {@link #resolve()}.
     *
     * @throws ModelUnavailableException naming the command that prepares it, when it is not there
     */
    public static Path resolve(HumanNetwork network) {
        return resolve(ModelSet.HUMAN_MODELS).resolve(network.fileName());
    }

    private static Path resolve(ModelSet set) {
        return RESOLVED.computeIfAbsent(set, s -> fromEnvironment().directory(s));
    }

    /**
     * The four face-api graphs.
     *
     * @throws ModelUnavailableException naming the command that prepares them, when they are not there
     */
    public ModelFiles files() {
        return ModelFiles.in(directory(ModelSet.FACE_API));
    }

    /**
     * The graph of one of Human's networks.
     *
     * @throws ModelUnavailableException naming the command that prepares it, when it is not there
     */
    public Path path(HumanNetwork network) {
        return directory(ModelSet.HUMAN_MODELS).resolve(network.fileName());
    }

    /**
     * The directory holding every graph of the set, checked.
     *
     * @throws ModelUnavailableException naming the command that prepares it, when it is missing or damaged
     */
    public Path directory(ModelSet set) {
        Optional<String> problem = problem(set);
        if (problem.isPresent()) {
            throw new ModelUnavailableException((preparedDir != null ? "The prepared model directory is not usable: "
                    : "The face models are not installed: ") + problem.get() + ". " + instructions(set));
        }
        return preparedDir != null ? preparedDir : cacheDirectory(set);
    }

    /**
     * What is wrong with the directory this locator would read for the set, or empty when it is
     * ready to use.
     */
    public Optional<String> problem(ModelSet set) {
        try {
            return preparedDir != null
                    ? ModelDirectory.preparedProblem(preparedDir, set)
                    : ModelDirectory.cacheProblem(cacheDirectory(set), set);
        } catch (IOException e) {
            return Optional.of("cannot read the models of " + set.source().spec() + ": " + e.getMessage());
        }
    }

    /** The operator-prepared directory, if one is configured: it is read as is, never filled. */
    public Optional<Path> preparedDirectory() {
        return Optional.ofNullable(preparedDir);
    }

    /** The root of the cache, e.g. {@code ~/.cache/facesearch/models}. */
    public Path cacheRoot() {
        if (cacheRoot == null) {
            throw new IllegalStateException("this locator reads a prepared directory and has no cache");
        }
        return cacheRoot;
    }

    /** The versioned cache directory of the face-api models, e.g. {@code ~/.cache/facesearch/models/face-api-1.7.15-c2}. */
    public Path cacheDirectory() {
        return cacheDirectory(ModelSet.FACE_API);
    }

    /** The versioned cache directory of a set, e.g. {@code <cacheRoot>/human-models-3.0.4-c1}. */
    public Path cacheDirectory(ModelSet set) {
        return cacheRoot().resolve(set.directoryName());
    }

    /** What an operator can do when the models are missing. */
    private String instructions(ModelSet set) {
        return "To fix: run `" + INSTALL_COMMAND + "` on a machine with access to the npm registry (it fetches "
                + set.source().spec() + " and converts it into "
                + (cacheRoot == null ? "the model cache" : cacheDirectory(set)) + "; set " + CACHE_ENV + " or -D"
                + CACHE_PROPERTY + " to move the cache), or set " + MODEL_DIR_ENV + " (or -D" + MODEL_DIR_PROPERTY
                + ") to a directory containing " + String.join(", ", set.graphFiles()) + ", such as one made by `"
                + INSTALL_COMMAND + " DIR` and copied over";
    }

    /** A system property, else an environment variable, trimmed; blank counts as unset. */
    public static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
