package io.facesearch.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Fetches and converts the face models into the cache (a no-op when they are there) and prints
 * where they are. The build runs it so that {@code mvn package} leaves a ready cache.
 *
 * <p>Usage: {@code ModelInstaller [DIR]}. With DIR, the graphs and their manifests are also copied
 * there, giving a directory to hand to {@code FACESEARCH_MODEL_DIR} on a machine without network.
 *
 * <p>The face-api models are required: without them it fails. Human's networks (faceres) are
 * optional: when they cannot be had, a warning says why and the rest still installs, because only
 * code that asks for them needs them.
 */
public final class ModelInstaller {

    private ModelInstaller() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: ModelInstaller [DIR]");
        }
        ModelRepository repository = ModelRepository.fromEnvironment();
        Path target = args.length == 1 ? Files.createDirectories(Path.of(args[0]).toAbsolutePath()) : null;
        install(repository, ModelSet.FACE_API, target);
        try {
            install(repository, ModelSet.HUMAN_MODELS, target);
        } catch (ModelUnavailableException e) {
            System.err.println("WARNING: faceres is not installed (only code that uses it needs it): " + e.getMessage());
        }
    }

    private static void install(ModelRepository repository, ModelSet set, Path target) throws IOException {
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
        System.out.println("FaceSearch face models (" + set.source().spec() + "): " + (target == null ? dir : target));
    }

    private static void copy(Path file, Path dir) throws IOException {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
