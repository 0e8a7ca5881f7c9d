package io.facesearch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.testdata.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** What the decoder makes of JPEGs with trailing bytes, GIFs, and the formats it does not read. */
class ImageFormatsDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    private static byte[] photo() throws IOException {
        return Files.readAllBytes(SharedData.file("faces/lfw/George_W_Bush/George_W_Bush_0001.jpg"));
    }

    @Test
    void aJpegWithBytesAfterItsEndMarkerIsTheSamePicture() throws Exception {
        byte[] jpeg = photo();
        RgbImage plain = decoder.decode(jpeg).pixels();
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        // As phones write: a second picture after the first (multi-picture files), or a video, or noise.
        for (byte[] trailer : List.of(jpeg, noise, "\0\0\0\0padding".getBytes(StandardCharsets.US_ASCII))) {
            byte[] appended = concat(jpeg, trailer);
            DecodedImage image = decoder.decode(appended);
            assertEquals(250, image.width());
            assertTrue(Arrays.equals(plain.pixels(), image.pixels().pixels()), "decoded up to the end marker only");
        }
    }

    @Test
    void everyJpegOfTheSharedPhotosEndsWhereItsBytesEnd() throws IOException {
        Path faces = SharedData.faces();
        try (Stream<Path> files = Files.walk(faces)) {
            List<Path> jpegs = files.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).sorted().limit(3000).toList();
            assertTrue(jpegs.size() > 100, "photos found: " + jpegs.size());
            for (Path file : jpegs) {
                byte[] data = Files.readAllBytes(file);
                int end = JpegEnd.of(data);
                // The end marker is found; what may follow it is padding, never the image.
                assertTrue(end > data.length / 2 && end <= data.length, file + ": end " + end + " of " + data.length);
            }
        }
    }

    @Test
    void aTruncatedJpegIsStillRefusedEvenWithAnEndMarkerInItsExif() throws Exception {
        byte[] jpeg = photo();
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(Arrays.copyOf(jpeg, jpeg.length - 10)));
        assertEquals(InvalidImageException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aGifIsDecodedAndAnAnimationGivesItsFirstFrame() throws Exception {
        BufferedImage photo = ImageIO.read(new java.io.ByteArrayInputStream(photo()));
        BufferedImage red = solid(40, 30, 0xFF0000);
        BufferedImage blue = solid(40, 30, 0x0000FF);
        DecodedImage still = decoder.decode(gif(List.of(photo)));
        assertEquals(250, still.width());
        assertEquals(250, still.height());
        DecodedImage first = decoder.decode(gif(List.of(red, blue)));
        assertEquals(40, first.width());
        assertEquals(30, first.height());
        assertEquals(255, first.pixels().sample(5, 5, 0), "red: the first frame");
        assertEquals(0, first.pixels().sample(5, 5, 2));
    }

    @Test
    void formatsNotReadAreRefusedByName() throws Exception {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        ImageIO.write(solid(16, 16, 0x808080), "tiff", tiff);
        byte[] heic = isoBmff("heic");
        byte[] avif = isoBmff("avif");
        byte[] svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] jxl = {(byte) 0xFF, 0x0A, (byte) 0xFA, 0x7F, 0x01, 0x10, 0x04, 0x00};
        for (var c : List.of(new Object[] {"TIFF", tiff.toByteArray()}, new Object[] {"HEIC", heic}, new Object[] {"AVIF", avif},
                new Object[] {"SVG", svg}, new Object[] {"PDF", pdf}, new Object[] {"JPEG XL", jxl})) {
            InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode((byte[]) c[1]), (String) c[0]);
            assertEquals(InvalidImageException.Reason.UNSUPPORTED_FORMAT, e.reason(), (String) c[0]);
            assertEquals(c[0] + " images are not supported; send JPEG, PNG, BMP, WebP or GIF", e.getMessage());
        }
    }

    @Test
    void aGifBombIsRefusedFromItsHeader() {
        // GIF89a, logical screen and one image descriptor of 65535 x 65535, no pixel data.
        byte[] bomb = {'G', 'I', 'F', '8', '9', 'a', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0,
                0x2C, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0x02, 0x02, 0x44, 0x01, 0, 0x3B};
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(bomb));
        assertEquals(InvalidImageException.Reason.TOO_LARGE, e.reason(), e.getMessage());
    }

    /** The first box of an ISO base media file: size, "ftyp", major brand, version, one compatible brand. */
    private static byte[] isoBmff(String brand) {
        byte[] box = new byte[24];
        box[3] = 24;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, box, 8, 4);
        System.arraycopy("mif1".getBytes(StandardCharsets.US_ASCII), 0, box, 16, 4);
        return box;
    }

    private static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static byte[] gif(List<BufferedImage> frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
