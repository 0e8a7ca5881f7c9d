package io.facesearch.indexer.label;

import java.util.Locale;
import java.util.Set;

/**
 * Which file names are photos when the input does not list them: the image extensions the
 * pipeline decodes, minus hidden files and the resource forks macOS puts in zips
 * ({@code __MACOSX/}, {@code ._name.jpg}), which carry photo extensions but no photo.
 */
final class PhotoNames {
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp");

    private PhotoNames() {
    }

    static boolean isPhoto(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return false;
            }
        }
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') + 1
                && EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
