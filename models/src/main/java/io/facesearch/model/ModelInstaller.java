package io.facesearch.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Fetches and converts the face models into the cache (a no-op when they are there) and prints
 * where they are. The build runs it so that {@code mvn package} leaves a ready cache.
 *
 * <p>Usage: {@code ModelInstaller [DIR]}. With DIR, the graphs and their manifest are also copied
 * there, giving a directory to hand to {@code FACESEARCH_MODEL_DIR} on a machine without network.
 */
public final class ModelInstaller {

    private ModelInstaller() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: ModelInstaller [DIR]");
        }
        ModelFiles files = ModelRepository.fromEnvironment().files();
        Path where = files.directory();
        if (args.length == 1) {
            where = Path.of(args[0]).toAbsolutePath();
            Files.createDirectories(where);
            for (FaceNetwork network : FaceNetwork.values()) {
                copy(files.path(network), where);
            }
            Path manifest = files.directory().resolve(ModelDirectory.MANIFEST);
            if (Files.isRegularFile(manifest)) {
                copy(manifest, where);
            }
        }
        System.out.println("FaceSearch face models: " + where);
    }

    private static void copy(Path file, Path dir) throws IOException {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
