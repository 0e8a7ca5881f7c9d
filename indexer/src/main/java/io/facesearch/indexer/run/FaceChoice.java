package io.facesearch.indexer.run;

import io.facesearch.face.Face;
import io.facesearch.indexer.label.Label;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FaceSelection;
import java.util.List;

/**
 * Which faces of a photo are enrolled. A labelled photo is about its subject, so by default only
 * its main face (large and near the centre) is theirs; an unlabeled photo's faces are all worth keeping for clustering.
 * The rule itself is the pipeline's {@link FaceSelection}, the same the server applies.
 *
 * @param labelled the selection for photos with a subject
 * @param unlabeled the selection for photos without one
 */
public record FaceChoice(FaceSelection labelled, FaceSelection unlabeled) {
    /** MAIN for labelled photos, ALL for unlabeled ones. */
    public static final FaceChoice DEFAULT = new FaceChoice(FaceSelection.MAIN, FaceSelection.ALL);

    /** One selection for every photo. */
    public static FaceChoice always(FaceSelection selection) {
        return new FaceChoice(selection, selection);
    }

    FaceSelection selectionFor(Label label) {
        return label instanceof Label.Subject ? labelled : unlabeled;
    }

    /** The least the pipeline must compute: the indexer reports refused faces by count, not by box. */
    AnalysisOptions optionsFor(FaceSelection selection) {
        return selection.analysisOptions(false);
    }

    /** The faces kept of those found (main face first), or null when the photo is refused for holding several. */
    static List<Face> choose(FaceSelection selection, List<Face> found) {
        List<Face> kept = selection.keep(found);
        return kept.isEmpty() && !found.isEmpty() ? null : kept;
    }
}
