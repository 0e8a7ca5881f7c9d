package io.facesearch.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The first frame of a GIF, read with the JDK's GIF reader (OpenCV 4.9, which decodes the other
 * formats, has no GIF decoder). An animation is a sequence of stills; its first is the one a
 * viewer shows before playing, and the one a face search gets.
 */
final class GifFrame {
    private GifFrame() {
    }

    /**
     * Decodes frame 0, keeping every {@code subsampling}-th pixel of each row and column (1 keeps all):
     * a very large GIF is read reduced, as {@link ImageDecoder} reads very large JPEGs.
     */
    static RgbImage first(byte[] data, int subsampling) throws InvalidImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                return rgb(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT, "corrupt GIF image: " + e.getMessage());
        }
    }

    /** Transparent pixels keep their palette colour: alpha is dropped, as for PNG. */
    private static RgbImage rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] pixels = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                pixels[p] = (byte) (row[x] >> 16);
                pixels[p + 1] = (byte) (row[x] >> 8);
                pixels[p + 2] = (byte) row[x];
            }
        }
        return new RgbImage(w, h, pixels);
    }
}
