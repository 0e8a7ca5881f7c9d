package io.facesearch.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Test-only image preprocessing that reproduces face-api's network inputs: decode without EXIF
 * rotation, integer crop, zero pad to a square (centred for the face networks, bottom/right for the
 * detector), TF legacy bilinear resize, float NHWC RGB 0..255. Kept independent of the product's
 * image code so the parity tests check the graphs, not a shared implementation.
 */
final class GoldenCrops {

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    private GoldenCrops() {
    }

    /** Interleaved 8-bit RGB pixels. */
    record Pixels(int width, int height, byte[] rgb) {
        int at(int x, int y, int channel) {
            return rgb[(y * width + x) * 3 + channel] & 0xff;
        }
    }

    /**
     * Decodes like the golden run's jpeg-js/pngjs: orientation tag ignored, alpha dropped, grey
     * replicated to RGB.
     */
    static Pixels decode(Path file) throws IOException {
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(file)),
                Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
        if (bgr.empty()) {
            throw new IOException("cannot decode " + file);
        }
        try {
            Mat rgb = new Mat();
            Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
            byte[] data = new byte[rgb.cols() * rgb.rows() * 3];
            rgb.get(0, 0, data);
            Pixels p = new Pixels(rgb.cols(), rgb.rows(), data);
            rgb.release();
            return p;
        } finally {
            bgr.release();
        }
    }

    /** A face network input: crop [x,y,w,h], centred pad to square, resize to size x size. */
    static float[] faceInput(Pixels image, int[] crop, int size) {
        int w = crop[2];
        int h = crop[3];
        int side = Math.max(w, h);
        // face-api padToSquare(isCenter=true): round(diff/2) after, the rest before; JS round(x.5) rounds up.
        int padBeforeX = (side - w) - (int) Math.floor((side - w) / 2.0 + 0.5);
        int padBeforeY = (side - h) - (int) Math.floor((side - h) / 2.0 + 0.5);
        return resize(image, crop[0], crop[1], w, h, padBeforeX, padBeforeY, side, size);
    }

    /** The detector input: the whole image padded at the bottom/right to a square, resized to size. */
    static float[] detectorInput(Pixels image, int size) {
        int side = Math.max(image.width(), image.height());
        return resize(image, 0, 0, image.width(), image.height(), 0, 0, side, size);
    }

    /**
     * tf.image.resizeBilinear(alignCorners=false, halfPixelCenters=false) of the zero-padded
     * square: source = dst * side / size, float arithmetic as in the tfjs kernels.
     */
    private static float[] resize(Pixels image, int x0, int y0, int w, int h, int padX, int padY, int side, int size) {
        float scale = (float) side / size;
        float[] out = new float[size * size * 3];
        for (int oy = 0; oy < size; oy++) {
            float sy = oy * scale;
            int top = (int) Math.floor(sy);
            int bottom = Math.min(top + 1, side - 1);
            float fy = sy - top;
            for (int ox = 0; ox < size; ox++) {
                float sx = ox * scale;
                int left = (int) Math.floor(sx);
                int right = Math.min(left + 1, side - 1);
                float fx = sx - left;
                for (int c = 0; c < 3; c++) {
                    float tl = padded(image, x0, y0, w, h, padX, padY, left, top, c);
                    float tr = padded(image, x0, y0, w, h, padX, padY, right, top, c);
                    float bl = padded(image, x0, y0, w, h, padX, padY, left, bottom, c);
                    float br = padded(image, x0, y0, w, h, padX, padY, right, bottom, c);
                    float t = tl + (tr - tl) * fx;
                    float b = bl + (br - bl) * fx;
                    out[(oy * size + ox) * 3 + c] = t + (b - t) * fy;
                }
            }
        }
        return out;
    }

    private static float padded(Pixels image, int x0, int y0, int w, int h, int padX, int padY, int sx, int sy, int c) {
        int cx = sx - padX;
        int cy = sy - padY;
        if (cx < 0 || cy < 0 || cx >= w || cy >= h) {
            return 0;
        }
        return image.at(x0 + cx, y0 + cy, c);
    }
}
