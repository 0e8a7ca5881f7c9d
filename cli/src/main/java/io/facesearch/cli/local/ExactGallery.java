package io.facesearch.cli.local;

import io.facesearch.compare.DistanceMetric;
import io.facesearch.face.Embedding;
import io.facesearch.identify.FaceCandidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An in-memory gallery searched exactly (every face compared), for evaluation: at a few thousand
 * faces a brute-force search takes milliseconds and has no recall loss to account for.
 */
final class ExactGallery {
    /** One enrolled face. */
    record Entry(String faceId, String subjectId, Embedding embedding) {
    }

    private final List<Entry> entries;
    private final float[][] vectors;
    private final DistanceMetric metric;

    ExactGallery(List<Entry> entries, DistanceMetric metric) {
        this.entries = List.copyOf(entries);
        this.metric = metric;
        this.vectors = new float[entries.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = entries.get(i).embedding().toArray();
        }
    }

    List<Entry> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    /**
     * The {@code limit} nearest faces, nearest first (ties in enrolment order).
     *
     * @param excludedSubject a subject whose faces are left out (null for none): a search of one of
     *     its own faces is then a non-mated search against the rest of the gallery
     */
    List<FaceCandidate> search(Embedding probe, int limit, String excludedSubject) {
        float[] p = probe.toArray();
        Integer[] order = new Integer[vectors.length];
        double[] distances = new double[vectors.length];
        int n = 0;
        for (int i = 0; i < vectors.length; i++) {
            if (excludedSubject == null || !excludedSubject.equals(entries.get(i).subjectId())) {
                distances[i] = metric.distance(p, vectors[i]);
                order[n++] = i;
            }
        }
        Integer[] kept = Arrays.copyOf(order, n);
        Arrays.sort(kept, Comparator.comparingDouble(i -> distances[i]));
        List<FaceCandidate> out = new ArrayList<>(Math.min(limit, n));
        for (int k = 0; k < Math.min(limit, n); k++) {
            Entry e = entries.get(kept[k]);
            out.add(new FaceCandidate(e.faceId(), e.subjectId(), distances[kept[k]]));
        }
        return out;
    }
}
