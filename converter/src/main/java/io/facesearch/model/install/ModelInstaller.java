package io.facesearch.model.install;

import io.facesearch.model.ModelSet;
import io.facesearch.model.ModelUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches and converts the face models into the cache (a no-op when they are there) and says where
 * they are: what {@code facesearch models install [DIR]} runs. The build runs it too, so that
 * {@code mvn package} leaves a ready cache.
 *
 * <p>With DIR, the graphs and their manifests are also copied there, giving a directory to hand to
 * {@code FACESEARCH_MODEL_DIR} on a machine without network.
 *
 * <p>The face-api models are required: without them it fails. Human's networks (faceres) are
 * optional: when they cannot be had, a warning says why and the rest still installs, because only
 * code that asks for them needs them.
 */
public final class ModelInstaller {

    private ModelInstaller() {
    }

    /** {@code ModelInstaller [DIR]}: {@link #install(Path)}, printing where each set is. */
    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: ModelInstaller [DIR]");
        }
        install(args.length == 1 ? Path.of(args[0]) : null);
    }

    /**
     * Prepares every model set in the cache configured by the environment and, when {@code target}
     * is not null, copies the graphs and manifests there (creating it). Prints one line per set
     * installed, and a warning for an optional set that could not be had.
     *
     * @param target a directory to copy the models to, or null to leave them in the cache
     * @return the directory of each set installed: the cache directories, or {@code target}
     * @throws ModelUnavailableException when the face-api models can be neither found nor made
     * @throws IOException when the copy to {@code target} fails
     */
    public static List<Path> install(Path target) throws IOException {
        ModelRepository repository = ModelRepository.fromEnvironment();
        Path into = target == null ? null : Files.createDirectories(target.toAbsolutePath());
        List<Path> installed = new ArrayList<>();
        installed.add(install(repository, ModelSet.FACE_API, into));
        try {
            installed.add(install(repository, ModelSet.HUMAN_MODELS, into));
        } catch (ModelUnavailableException e) {
            System.err.println("WARNING: faceres is not installed (only code that uses it needs it): " + e.getMessage());
        }
        return installed;
    }

    private static Path install(ModelRepository repository, ModelSet set, Path target) throws IOException {
        Path dir = repository.directory(set);
        if (target != null) {
            for (String file : set.graphFiles()) {
                copy(dir.resolve(file), target);
            }
            Path manifest = dir.resolve(set.manifestName());
            if (Files.isRegularFile(manifest)) {
                copy(manifest, target);
            }
        }
        Path where = target == null ? dir : target;
        System.out.println("FaceSearch face models (" + set.source().spec() + "): " + where);
        return where;
    }

    private static void copy(Path file, Path dir) throws IOException {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
