package io.facesearch.image;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes JPEG, PNG, BMP and WebP bytes into {@link RgbImage}s with OpenCV, and the first frame of a
 * GIF with the JDK. EXIF orientation is applied, grayscale becomes R=G=B and alpha is dropped.
 * Other image formats are refused by name ({@link ImageFormat}). A JPEG is decoded up to its
 * end-of-image marker: bytes a phone appends after it are ignored. Thread-safe.
 *
 * <p>Images whose header claims more than {@link #maxPixels} are refused before decoding. Images
 * whose longer side exceeds {@link #maxSide} are decoded at 1/2, 1/4 or 1/8 scale (for JPEG this
 * happens inside the decoder, so the full-size raster is never held).
 */
public final class ImageDecoder {
    /** 100 megapixels: a 12,000 x 8,000 photo, about 300 MB decoded. Larger headers are refused. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** Faces need no more; the detector sees 512 px and 4,096 keeps a 40 px face in a group photo. */
    public static final int DEFAULT_MAX_SIDE = 4096;

    private final long maxPixels;
    private final int maxSide;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);
    }

    public ImageDecoder(long maxPixels, int maxSide) {
        if (maxPixels < 1 || maxSide < 16) {
            throw new IllegalArgumentException("maxPixels must be >= 1 and maxSide >= 16");
        }
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        OpenCvLoader.load();
    }

    public DecodedImage decode(byte[] data) throws InvalidImageException {
        if (data == null || data.length == 0) {
            throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "empty image: 0 bytes");
        }
        ImageHeader header = ImageHeader.read(data);
        if (header.width() <= 0 || header.height() <= 0) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                    "image header claims " + header.width() + "x" + header.height());
        }
        if (header.pixels() > maxPixels) {
            throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE, String.format(
                    "image is %dx%d (%.1f megapixels); the limit is %.1f megapixels",
                    header.width(), header.height(), header.pixels() / 1e6, maxPixels / 1e6));
        }
        byte[] encoded = data;
        if (header.format() == ImageFormat.JPEG) {
            int end = JpegEnd.of(data);
            if (end < 0) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                        "truncated JPEG: no end-of-image marker");
            }
            encoded = end == data.length ? data : java.util.Arrays.copyOf(data, end);
        }
        int reduced = reducedFlag(Math.max(header.width(), header.height()));
        if (header.format() == ImageFormat.GIF) {
            RgbImage frame = GifFrame.first(data, subsampling(reduced));
            return new DecodedImage(header.width(), header.height(), frame);
        }
        int flags = Imgcodecs.IMREAD_COLOR | reduced;
        Mat bgr = new Mat();
        Mat rgb = new Mat();
        try (MatHolder bytes = new MatHolder(new MatOfByte(encoded))) {
            bgr = Imgcodecs.imdecode(bytes.mat(), flags);
            if (bgr.empty()) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                        "corrupt " + header.format().displayName() + " image: the decoder could not read it");
            }
            Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
            byte[] pixels = new byte[(int) (rgb.total() * rgb.channels())];
            rgb.get(0, 0, pixels);
            RgbImage image = new RgbImage(rgb.cols(), rgb.rows(), pixels);
            if (reduced == 0) {
                return new DecodedImage(image.width(), image.height(), image);
            }
            // EXIF orientation may have turned the picture a quarter: match the header to it.
            boolean turned = (image.width() > image.height()) != (header.width() > header.height());
            return turned
                    ? new DecodedImage(header.height(), header.width(), image)
                    : new DecodedImage(header.width(), header.height(), image);
        } finally {
            bgr.release();
            rgb.release();
        }
    }

    private int reducedFlag(int longSide) {
        if (longSide <= maxSide) {
            return 0;
        }
        if (longSide <= 2 * maxSide) {
            return Imgcodecs.IMREAD_REDUCED_COLOR_2;
        }
        if (longSide <= 4 * maxSide) {
            return Imgcodecs.IMREAD_REDUCED_COLOR_4;
        }
        return Imgcodecs.IMREAD_REDUCED_COLOR_8;
    }

    /** The pixel step of a reduced read: 2, 4 or 8, as the flag OpenCV is given. */
    private static int subsampling(int reducedFlag) {
        return switch (reducedFlag) {
            case 0 -> 1;
            case Imgcodecs.IMREAD_REDUCED_COLOR_2 -> 2;
            case Imgcodecs.IMREAD_REDUCED_COLOR_4 -> 4;
            default -> 8;
        };
    }

    private record MatHolder(Mat mat) implements AutoCloseable {
        @Override
        public void close() {
            mat.release();
        }
    }
}
