package io.facesearch.network;

import io.facesearch.model.FaceNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Test-side reproduction of face-api's SSD post-processing ({@code SsdMobilenetv1.locateFaces},
 * {@code nonMaxSuppression.ts}): greedy hard NMS on the decoded boxes, then mapping back to image
 * pixels. The product will have its own; this one exists to compare graphs with the reference.
 */
final class GoldenDetections {
    static final float MIN_CONFIDENCE = 0.5f;
    static final float IOU_THRESHOLD = 0.5f;
    static final int MAX_RESULTS = 100;

    private GoldenDetections() {
    }

    /** A detection in image pixels: x, y, width, height. */
    record Detection(float x, float y, float width, float height, float score) {
        double iou(float[] xywh) {
            double left = Math.max(x, xywh[0]);
            double top = Math.max(y, xywh[1]);
            double right = Math.min(x + width, xywh[0] + xywh[2]);
            double bottom = Math.min(y + height, xywh[1] + xywh[3]);
            double inter = Math.max(0, right - left) * Math.max(0, bottom - top);
            double union = (double) width * height + (double) xywh[2] * xywh[3] - inter;
            return union <= 0 ? 0 : inter / union;
        }
    }

    /**
     * @param boxes {@code [5118*4]} ymin, xmin, ymax, xmax relative to the 512 square
     * @param scores {@code [5118]}
     */
    static List<Detection> locate(float[] boxes, float[] scores, int imageWidth, int imageHeight) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > MIN_CONFIDENCE) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Integer> kept = new ArrayList<>();
        for (int candidate : candidates) {
            if (kept.size() >= MAX_RESULTS) {
                break;
            }
            boolean suppressed = false;
            for (int k : kept) {
                if (iou(boxes, candidate, k) > IOU_THRESHOLD) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        // computeReshapedDimensions: the image side scaled into 512, rounded; the rest is padding.
        int size = FaceNetwork.DETECTOR.inputSize();
        int longest = Math.max(imageWidth, imageHeight);
        double padX = size / (double) Math.round(imageWidth * size / (double) longest);
        double padY = size / (double) Math.round(imageHeight * size / (double) longest);
        List<Detection> detections = new ArrayList<>();
        for (int i : kept) {
            double top = Math.max(0, boxes[4 * i]) * padY;
            double left = Math.max(0, boxes[4 * i + 1]) * padX;
            double bottom = Math.min(1, boxes[4 * i + 2]) * padY;
            double right = Math.min(1, boxes[4 * i + 3]) * padX;
            detections.add(new Detection((float) (left * imageWidth), (float) (top * imageHeight),
                    (float) ((right - left) * imageWidth), (float) ((bottom - top) * imageHeight), scores[i]));
        }
        return detections;
    }

    private static double iou(float[] boxes, int a, int b) {
        double areaA = (boxes[4 * a + 2] - boxes[4 * a]) * (double) (boxes[4 * a + 3] - boxes[4 * a + 1]);
        double areaB = (boxes[4 * b + 2] - boxes[4 * b]) * (double) (boxes[4 * b + 3] - boxes[4 * b + 1]);
        if (areaA <= 0 || areaB <= 0) {
            return 0;
        }
        double yMin = Math.max(boxes[4 * a], boxes[4 * b]);
        double xMin = Math.max(boxes[4 * a + 1], boxes[4 * b + 1]);
        double yMax = Math.min(boxes[4 * a + 2], boxes[4 * b + 2]);
        double xMax = Math.min(boxes[4 * a + 3], boxes[4 * b + 3]);
        double inter = Math.max(0, yMax - yMin) * Math.max(0, xMax - xMin);
        return inter / (areaA + areaB - inter);
    }
}
