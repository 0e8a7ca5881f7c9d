package io.facesearch.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.testdata.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void decodesRealJpegAsRgb() throws Exception {
        byte[] jpeg = Files.readAllBytes(SharedData.file("faces/lfw/George_W_Bush/George_W_Bush_0001.jpg"));
        DecodedImage image = decoder.decode(jpeg);
        assertEquals(250, image.width());
        assertEquals(250, image.height());
        assertEquals(1.0, image.scale());
        // OpenCV decodes BGR; a face photo's centre is skin, where red exceeds blue.
        RgbImage px = image.pixels();
        assertTrue(px.sample(125, 125, 0) > px.sample(125, 125, 2), "expected R > B at the face centre");
    }

    @Test
    void decodesPngBmpAndWebpOfTheSamePixels() throws Exception {
        Mat bgr = new Mat(40, 60, CvType.CV_8UC3, new Scalar(10, 100, 200));
        for (String ext : new String[] {".png", ".bmp", ".webp"}) {
            MatOfByte buf = new MatOfByte();
            Imgcodecs.imencode(ext, bgr, buf, new org.opencv.core.MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, 101));
            DecodedImage image = decoder.decode(buf.toArray());
            assertEquals(60, image.width(), ext);
            assertEquals(40, image.height(), ext);
            assertEquals(200, image.pixels().sample(5, 5, 0), ext + " red");
            assertEquals(10, image.pixels().sample(5, 5, 2), ext + " blue");
        }
    }

    @Test
    void grayscaleBecomesThreeEqualChannels() throws Exception {
        Mat gray = new Mat(30, 30, CvType.CV_8UC1, new Scalar(77));
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".png", gray, buf);
        RgbImage px = decoder.decode(buf.toArray()).pixels();
        assertArrayEquals(new int[] {77, 77, 77}, new int[] {px.sample(3, 3, 0), px.sample(3, 3, 1), px.sample(3, 3, 2)});
    }

    @Test
    void alphaChannelIsDropped() throws Exception {
        Mat bgra = new Mat(20, 20, CvType.CV_8UC4, new Scalar(0, 0, 255, 0));
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".png", bgra, buf);
        RgbImage px = decoder.decode(buf.toArray()).pixels();
        assertEquals(255, px.sample(0, 0, 0));
        assertEquals(20 * 20 * 3, px.pixels().length);
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        // A 60x40 JPEG whose EXIF says "rotate 90 degrees clockwise" (orientation 6) is 40x60 upright.
        Mat bgr = new Mat(40, 60, CvType.CV_8UC3, new Scalar(0, 0, 0));
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".jpg", bgr, buf);
        byte[] rotated = withExifOrientation(buf.toArray(), 6);
        DecodedImage image = decoder.decode(rotated);
        assertEquals(40, image.width());
        assertEquals(60, image.height());
    }

    @Test
    void zeroBytesAreRefused() {
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(new byte[0]));
        assertEquals(InvalidImageException.Reason.EMPTY, e.reason());
    }

    @Test
    void textNamedJpgIsNotAnImage() {
        byte[] text = "this is not a photo, just text in a file named face.jpg\n".getBytes(StandardCharsets.UTF_8);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(text));
        assertEquals(InvalidImageException.Reason.NOT_AN_IMAGE, e.reason());
    }

    @Test
    void truncatedJpegIsCorrupt() throws Exception {
        byte[] jpeg = Files.readAllBytes(SharedData.file("faces/lfw/George_W_Bush/George_W_Bush_0001.jpg"));
        byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(half));
        assertEquals(InvalidImageException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedPngIsCorrupt() throws Exception {
        Mat bgr = new Mat(200, 200, CvType.CV_8UC3);
        org.opencv.core.Core.randu(bgr, 0, 255);
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".png", bgr, buf);
        byte[] png = buf.toArray();
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(cut));
        assertEquals(InvalidImageException.Reason.CORRUPT, e.reason());
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() throws Exception {
        byte[] bomb = pngHeaderOnly(30000, 30000);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(bomb));
        assertEquals(InvalidImageException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("30000x30000"), e.getMessage());
    }

    @Test
    void hugePhotoIsDecodedAtReducedScale() throws Exception {
        byte[] jpeg = Files.readAllBytes(SharedData.file("faces/lfw/George_W_Bush/George_W_Bush_0001.jpg"));
        Mat small = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        Mat big = new Mat();
        Imgproc.resize(small, big, new Size(8000, 8000), 0, 0, Imgproc.INTER_LINEAR);
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".jpg", big, buf);
        big.release();
        DecodedImage image = decoder.decode(buf.toArray());
        assertEquals(8000, image.width());
        assertEquals(8000, image.height());
        assertEquals(4000, image.pixels().width());
        assertEquals(2.0, image.scale());
    }

    /** A PNG signature and IHDR chunk claiming the given size, with no pixel data. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream chunk = new DataOutputStream(ihdr);
        chunk.writeBytes("IHDR");
        chunk.writeInt(width);
        chunk.writeInt(height);
        chunk.write(new byte[] {8, 2, 0, 0, 0});
        byte[] body = ihdr.toByteArray();
        data.writeInt(body.length - 4);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        data.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    /** Inserts an APP1 EXIF segment with one Orientation tag right after the JPEG SOI marker. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        DataOutputStream t = new DataOutputStream(tiff);
        t.writeBytes("MM");
        t.writeShort(42);
        t.writeInt(8);
        t.writeShort(1);
        t.writeShort(0x0112);
        t.writeShort(3);
        t.writeInt(1);
        t.writeShort(orientation);
        t.writeShort(0);
        t.writeInt(0);
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.write(jpeg, 0, 2);
        o.writeShort(0xFFE1);
        o.writeShort(2 + 6 + body.length);
        o.writeBytes("Exif");
        o.writeShort(0);
        o.write(body);
        o.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
