package io.facesearch.indexer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens the right source for an input: a folder, a .zip, a .tar, or a gzip-compressed tar. */
public final class ImageSources {

    private ImageSources() {
    }

    /**
     * @throws IllegalArgumentException when the input is neither a folder nor an archive of a known kind
     * @throws IOException when it cannot be opened (a missing file, a zip without its central directory)
     */
    public static ImageSource open(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            return new DirectorySource(input);
        }
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString(), null, "no such file or folder");
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return new ZipSource(input);
        }
        if (name.endsWith(".tar")) {
            return new TarSource(input, false);
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return new TarSource(input, true);
        }
        throw new IllegalArgumentException(input + " is not a folder, a .zip, a .tar or a .tar.gz");
    }
}
