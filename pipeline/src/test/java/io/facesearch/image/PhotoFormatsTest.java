package io.facesearch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names are photos': the extensions of the formats the decoder reads, in any case. */
class PhotoFormatsTest {

    @Test
    void theDecodersFormatsInTheirListedOrder() {
        assertEquals(List.of("jpg", "jpeg", "png", "bmp", "webp", "gif"), PhotoFormats.EXTENSIONS);
    }

    @Test
    void namesAndPathsEndingInAPhotoExtensionInAnyCase() {
        for (String name : List.of("a.jpg", "a.JPEG", "b/c.Png", "x/y/z.bmp", "p.webp", "a.gif", "dots.in.name.jpg")) {
            assertTrue(PhotoFormats.hasPhotoExtension(name), name);
            assertTrue(PhotoFormats.hasPhotoExtension(Path.of(name)), name);
        }
        for (String name : List.of("a.tif", "a.heic", "a.jpg.txt", "jpg", ".jpg", "dir/.jpg", "a.", "folder.jpg/file")) {
            assertFalse(PhotoFormats.hasPhotoExtension(name), name);
        }
    }
}
