package io.facesearch.render;

import io.facesearch.compare.MatchThreshold;
import io.facesearch.face.Face;
import io.facesearch.image.DecodedImage;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.InvalidImageException;
import io.facesearch.image.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Two photos side by side, each face boxed in the colour of its best match in the other photo and
 * labelled {@code Similarity: NN.NN%} under the box.
 */
public final class ComparisonPicture {
    /** Both photos are shown at the same height, at most this many pixels. */
    static final int MAX_HEIGHT = 1000;

    private final MatchThreshold threshold;
    private final ImageDecoder decoder = new ImageDecoder();

    public ComparisonPicture(MatchThreshold threshold) {
        this.threshold = threshold;
    }

    /** Similarity percentage of a face to the closest face of another photo (0 when it has none). */
    public double bestSimilarity(Face face, List<Face> others) {
        double best = 0;
        for (Face o : others) {
            double d = threshold.metric().distance(face.embedding(), o.embedding());
            best = Math.max(best, threshold.similarityPercent(d));
        }
        return best;
    }

    public void write(byte[] imageA, List<Face> facesA, byte[] imageB, List<Face> facesB, Path output)
            throws IOException, InvalidImageException {
        DecodedImage a = decoder.decode(imageA);
        DecodedImage b = decoder.decode(imageB);
        int height = Math.min(MAX_HEIGHT, Math.max(a.height(), b.height()));
        List<Mat> panels = new ArrayList<>();
        try {
            panels.add(panel(a, facesA, facesB, height));
            panels.add(panel(b, facesB, facesA, height));
            Mat joined = new Mat();
            Core.hconcat(panels, joined);
            try {
                if (!Imgcodecs.imwrite(output.toString(), joined)) {
                    throw new IOException("cannot write " + output + " (use a .jpg or .png name in a writable folder)");
                }
            } finally {
                joined.release();
            }
        } finally {
            panels.forEach(Mat::release);
        }
    }

    private Mat panel(DecodedImage image, List<Face> faces, List<Face> others, int height) {
        Mat bgr = toBgr(image.pixels());
        double scale = (double) height / image.height();
        Mat out = new Mat();
        Imgproc.resize(bgr, out, new Size(Math.round(image.width() * scale), height), 0, 0, Imgproc.INTER_AREA);
        bgr.release();
        for (Face f : faces) {
            double percent = bestSimilarity(f, others);
            int[] c = MatchColor.rgb(percent);
            Scalar colour = new Scalar(c[2], c[1], c[0]);
            int x = (int) Math.round(f.box().x() * scale);
            int y = (int) Math.round(f.box().y() * scale);
            int w = (int) Math.round(f.box().width() * scale);
            int h = (int) Math.round(f.box().height() * scale);
            int thickness = Math.max(2, w / 40);
            Imgproc.rectangle(out, new Rect(x, y, w, h), colour, thickness);
            String label = String.format("Similarity: %.2f%%", percent);
            double fontScale = Math.max(0.4, w / 220.0);
            int[] baseline = new int[1];
            Size text = Imgproc.getTextSize(label, Imgproc.FONT_HERSHEY_SIMPLEX, fontScale, 1, baseline);
            int textY = Math.min(out.rows() - baseline[0] - 2, y + h + (int) text.height + thickness + 4);
            int textX = Math.max(0, Math.min(out.cols() - (int) text.width, x));
            Imgproc.rectangle(out, new Point(textX, textY - text.height - 3), new Point(textX + text.width,
                    textY + baseline[0]), new Scalar(0, 0, 0), Imgproc.FILLED);
            Imgproc.putText(out, label, new Point(textX, textY), Imgproc.FONT_HERSHEY_SIMPLEX, fontScale, colour, 1,
                    Imgproc.LINE_AA);
        }
        return out;
    }

    private static Mat toBgr(RgbImage image) {
        Mat rgb = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        rgb.put(0, 0, image.pixels());
        Mat bgr = new Mat();
        Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
        rgb.release();
        return bgr;
    }
}
