package io.facesearch.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands command-line FILES|DIRS into photo files. Directories are walked recursively, in name
 * order, for the formats the server decodes; files named directly are kept whatever their name,
 * so that a bad one is reported rather than skipped.
 */
final class PhotoFiles {
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp");

    private PhotoFiles() {
    }

    static List<Path> expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                try (Stream<Path> walk = Files.walk(arg)) {
                    walk.filter(Files::isRegularFile).filter(PhotoFiles::hasPhotoName).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read directory " + arg + ": " + e.getMessage(), e);
                }
            } else {
                files.add(arg);
            }
        }
        return files;
    }

    /** Why a file could not be read, in a few words (the file's name is said by the caller). */
    static String whyUnreadable(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "cannot read: no such file";
            case java.nio.file.AccessDeniedException x -> "cannot read: permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> "cannot read: " + x.getReason();
            default -> "cannot read: " + e.getMessage();
        };
    }

    static boolean hasPhotoName(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
