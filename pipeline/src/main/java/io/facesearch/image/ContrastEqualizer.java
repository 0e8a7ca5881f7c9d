package io.facesearch.image;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Spreads an image's brightness over the full range (histogram equalisation of the luma channel,
 * colour kept). Dark or washed-out photos hide faces from the detector; equalised, many are found.
 */
public final class ContrastEqualizer {

    private ContrastEqualizer() {
    }

    public static RgbImage equalize(RgbImage image) {
        OpenCvLoader.load();
        Mat rgb = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        Mat ycc = new Mat();
        java.util.List<Mat> channels = new java.util.ArrayList<>();
        try {
            rgb.put(0, 0, image.pixels());
            Imgproc.cvtColor(rgb, ycc, Imgproc.COLOR_RGB2YCrCb);
            Core.split(ycc, channels);
            Imgproc.equalizeHist(channels.get(0), channels.get(0));
            Core.merge(channels, ycc);
            Imgproc.cvtColor(ycc, rgb, Imgproc.COLOR_YCrCb2RGB);
            byte[] out = new byte[image.pixels().length];
            rgb.get(0, 0, out);
            return new RgbImage(image.width(), image.height(), out);
        } finally {
            rgb.release();
            ycc.release();
            channels.forEach(Mat::release);
        }
    }
}
