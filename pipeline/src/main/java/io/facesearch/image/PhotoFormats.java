package io.facesearch.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The file extensions of the formats {@link ImageDecoder} reads: JPEG, PNG, BMP, WebP and GIF. Whoever
 * walks folders or archives for photos (the commands, the indexer) asks here, so that a format the
 * decoder learns is picked up everywhere at once.
 */
public final class PhotoFormats {
    /** Lower case, without the dot, in the order they are listed to people. */
    public static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "bmp", "webp", "gif");

    private PhotoFormats() {
    }

    /**
     * True when a file name (or the last part of a path, '/'-separated) ends in a photo extension,
     * in any case. A name that is only an extension ({@code .jpg}) is not a photo's.
     */
    public static boolean hasPhotoExtension(String name) {
        int start = name.lastIndexOf('/') + 1;
        int dot = name.lastIndexOf('.');
        return dot > start && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** True when the file's name ends in a photo extension. */
    public static boolean hasPhotoExtension(Path file) {
        Path name = file.getFileName();
        return name != null && hasPhotoExtension(name.toString());
    }
}
