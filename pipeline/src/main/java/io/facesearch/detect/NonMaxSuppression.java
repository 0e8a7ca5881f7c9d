package io.facesearch.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy hard non-max suppression over the detector's anchors, as face-api does it: candidates
 * scoring strictly above the threshold, best first, each kept when its IoU with every kept box is at
 * most {@code maxIou}.
 */
final class NonMaxSuppression {

    private NonMaxSuppression() {
    }

    /**
     * @param boxes {@code [ymin, xmin, ymax, xmax]} per anchor, normalised, read from {@code offset * 4}
     * @return indexes of kept anchors, best first
     */
    static int[] select(float[] boxes, float[] scores, int anchorOffset, int anchors, float minScore,
            float maxIou, int maxResults) {
        List<Integer> candidates = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            if (scores[anchorOffset + a] > minScore) {
                candidates.add(a);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer a) -> -scores[anchorOffset + a]));
        int[] kept = new int[Math.min(maxResults, candidates.size())];
        int count = 0;
        for (int a : candidates) {
            if (count == kept.length) {
                break;
            }
            boolean keep = true;
            for (int k = 0; k < count && keep; k++) {
                keep = iou(boxes, (anchorOffset + a) * 4, (anchorOffset + kept[k]) * 4) <= maxIou;
            }
            if (keep) {
                kept[count++] = a;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private static float iou(float[] b, int i, int j) {
        float areaI = (b[i + 2] - b[i]) * (b[i + 3] - b[i + 1]);
        float areaJ = (b[j + 2] - b[j]) * (b[j + 3] - b[j + 1]);
        if (areaI <= 0 || areaJ <= 0) {
            return 0;
        }
        float top = Math.max(b[i], b[j]);
        float left = Math.max(b[i + 1], b[j + 1]);
        float bottom = Math.min(b[i + 2], b[j + 2]);
        float right = Math.min(b[i + 3], b[j + 3]);
        float inter = Math.max(0, bottom - top) * Math.max(0, right - left);
        return inter / (areaI + areaJ - inter);
    }
}
