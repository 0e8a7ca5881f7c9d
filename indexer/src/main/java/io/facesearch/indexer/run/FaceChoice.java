package io.facesearch.indexer.run;

import io.facesearch.client.FaceSelection;
import io.facesearch.face.Face;
import io.facesearch.indexer.label.Label;
import io.facesearch.pipeline.AnalysisOptions;
import java.util.List;

/**
 * Which faces of a photo are enrolled. A labelled photo is about its subject, so by default only
 * its main face (large and near the centre) is theirs; an unlabeled photo's faces are all worth keeping for clustering.
 *
 * @param labelled the selection for photos with a subject
 * @param unlabeled the selection for photos without one
 */
public record FaceChoice(FaceSelection labelled, FaceSelection unlabeled) {
    /** MAIN for labelled photos, ALL for unlabeled ones. */
    public static final FaceChoice DEFAULT = new FaceChoice(FaceSelection.MAIN, FaceSelection.ALL);
    /** The pipeline's own limit: more faces than this in one photo is a crowd, not a portrait. */
    private static final int MAX_FACES = AnalysisOptions.DEFAULT.maxFaces();

    /** One selection for every photo. */
    public static FaceChoice always(FaceSelection selection) {
        return new FaceChoice(selection, selection);
    }

    FaceSelection selectionFor(Label label) {
        return label instanceof Label.Subject ? labelled : unlabeled;
    }

    /**
     * What the pipeline needs to compute: faces come main face first, so MAIN needs one embedding
     * and FAIL_IF_SEVERAL needs to know whether there is a second face.
     */
    AnalysisOptions optionsFor(FaceSelection selection) {
        return new AnalysisOptions(true, false, switch (selection) {
            case MAIN -> 1;
            case FAIL_IF_SEVERAL -> 2;
            case ALL -> MAX_FACES;
        });
    }

    /** The faces kept of those found (main face first), or null when the photo is refused for holding several. */
    static List<Face> choose(FaceSelection selection, List<Face> found) {
        return switch (selection) {
            case ALL -> found;
            case MAIN -> found.subList(0, Math.min(1, found.size()));
            case FAIL_IF_SEVERAL -> found.size() > 1 ? null : found;
        };
    }
}
