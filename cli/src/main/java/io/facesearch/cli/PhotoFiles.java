package io.facesearch.cli;

import io.facesearch.image.PhotoFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line FILES|DIRS into photo files, for the local and the server commands alike.
 * Directories are walked recursively, in name order, for the formats the pipeline decodes
 * ({@link PhotoFormats}); files named directly are kept whatever their name, so that a bad one is
 * reported rather than skipped.
 */
public final class PhotoFiles {

    private PhotoFiles() {
    }

    /** @throws UncheckedIOException when a folder cannot be walked */
    public static List<Path> expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                try (Stream<Path> walk = Files.walk(arg)) {
                    walk.filter(Files::isRegularFile).filter(PhotoFormats::hasPhotoExtension).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read directory " + arg + ": " + e.getMessage(), e);
                }
            } else {
                files.add(arg);
            }
        }
        return files;
    }

    /** The extensions looked for, for a message: {@code jpg, jpeg, png, bmp, webp, gif}. */
    public static String extensions() {
        return String.join(", ", PhotoFormats.EXTENSIONS);
    }

    /** Why a file could not be read, in a few words (the file's name is said by the caller). */
    public static String whyUnreadable(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "cannot read: no such file";
            case java.nio.file.AccessDeniedException x -> "cannot read: permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> "cannot read: " + x.getReason();
            default -> "cannot read: " + e.getMessage();
        };
    }
}
