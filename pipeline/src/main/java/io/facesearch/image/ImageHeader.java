package io.facesearch.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The format and pixel dimensions an encoded image claims, read from its header without decoding
 * pixels, so that decompression bombs are refused before any memory is spent on them.
 */
record ImageHeader(ImageFormat format, int width, int height) {

    long pixels() {
        return (long) width * height;
    }

    /**
     * Reads the header of a format the decoder reads; throws UNSUPPORTED_FORMAT, naming it, for an
     * image format it does not read, and NOT_AN_IMAGE for bytes of no known image format.
     */
    static ImageHeader read(byte[] data) throws InvalidImageException {
        ImageFormat format = ImageFormat.sniff(data);
        if (format == ImageFormat.UNKNOWN) {
            throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE,
                    "not an image: the data is not " + ImageFormat.SUPPORTED);
        }
        if (!format.supported()) {
            throw new InvalidImageException(InvalidImageException.Reason.UNSUPPORTED_FORMAT,
                    format.displayName() + " images are not supported; send " + ImageFormat.SUPPORTED);
        }
        if (format == ImageFormat.WEBP) {
            return readWebp(data);
        }
        // The reader of the sniffed format only: ImageIO's own guess would let a reader claim bytes of another format.
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(java.util.Locale.ROOT));
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new ImageHeader(format, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                    "corrupt image header: " + e.getMessage());
        }
    }

    /** WebP container layout: RFC 9649 section 2.5 onwards (VP8, VP8L and VP8X first chunks). */
    private static ImageHeader readWebp(byte[] d) throws InvalidImageException {
        if (d.length < 30) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT, "truncated WebP header");
        }
        String chunk = new String(d, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 " -> {
                int w = ((d[26] & 0xFF) | (d[27] & 0xFF) << 8) & 0x3FFF;
                int h = ((d[28] & 0xFF) | (d[29] & 0xFF) << 8) & 0x3FFF;
                return new ImageHeader(ImageFormat.WEBP, w, h);
            }
            case "VP8L" -> {
                int bits = (d[21] & 0xFF) | (d[22] & 0xFF) << 8 | (d[23] & 0xFF) << 16 | (d[24] & 0xFF) << 24;
                return new ImageHeader(ImageFormat.WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                int w = ((d[24] & 0xFF) | (d[25] & 0xFF) << 8 | (d[26] & 0xFF) << 16) + 1;
                int h = ((d[27] & 0xFF) | (d[28] & 0xFF) << 8 | (d[29] & 0xFF) << 16) + 1;
                return new ImageHeader(ImageFormat.WEBP, w, h);
            }
            default -> throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                    "unknown WebP chunk '" + chunk + "'");
        }
    }
}
