package io.facesearch.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An encoded photo (JPEG, PNG, BMP, WebP or GIF) as sent to the server, which decodes it. The bytes
 * are not checked here: the server answers INVALID_ARGUMENT for anything it cannot decode.
 *
 * @param bytes the encoded image; not copied, so do not change the array after handing it over
 */
public record Photo(byte[] bytes) {

    public Photo {
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Reads a photo file. */
    public static Photo read(Path file) throws IOException {
        return new Photo(Files.readAllBytes(file));
    }

    public static Photo of(byte[] bytes) {
        return new Photo(bytes);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Photo p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Photo[" + bytes.length + " bytes]";
    }
}
