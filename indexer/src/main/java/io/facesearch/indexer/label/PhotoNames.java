package io.facesearch.indexer.label;

import io.facesearch.image.PhotoFormats;

/**
 * Which file names are photos when the input does not list them: the image extensions the
 * pipeline decodes ({@link PhotoFormats}), minus hidden files and the resource forks macOS puts in
 * zips ({@code __MACOSX/}, {@code ._name.jpg}), which carry photo extensions but no photo.
 */
final class PhotoNames {

    private PhotoNames() {
    }

    static boolean isPhoto(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return false;
            }
        }
        return PhotoFormats.hasPhotoExtension(path);
    }
}
