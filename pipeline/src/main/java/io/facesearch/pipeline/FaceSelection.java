package io.facesearch.pipeline;

import io.facesearch.face.Face;
import java.util.List;

/**
 * Which faces of a photo are kept when it holds several: the one rule the server's enrolment and
 * the bulk indexer apply, together with what the pipeline must compute to apply it. Faces come
 * from the pipeline main face first, so the main face is the first one.
 */
public enum FaceSelection {
    /** The main face only: the largest near the centre among faces whose landmarks agree with their box. */
    MAIN,
    /** Every face. */
    ALL,
    /** None when there is more than one face. */
    FAIL_IF_SEVERAL;

    /**
     * The least the pipeline must compute to apply this selection: MAIN embeds one face, and
     * FAIL_IF_SEVERAL embeds one and locates a second only to learn that it is there.
     *
     * @param reportRefused locate every face (up to {@link AnalysisOptions#MAX_FACES}), so that
     *     the caller can say where each refused one is; the refused ones are still not embedded
     */
    public AnalysisOptions analysisOptions(boolean reportRefused) {
        int located = reportRefused ? AnalysisOptions.MAX_FACES : switch (this) {
            case MAIN -> 1;
            case FAIL_IF_SEVERAL -> 2;
            case ALL -> AnalysisOptions.MAX_FACES;
        };
        return new AnalysisOptions(true, false, located, this == ALL ? located : 1);
    }

    /** The faces kept of those found (main face first); the rest are refused. */
    public List<Face> keep(List<Face> found) {
        return switch (this) {
            case ALL -> found;
            case MAIN -> found.subList(0, Math.min(1, found.size()));
            case FAIL_IF_SEVERAL -> found.size() > 1 ? List.of() : found;
        };
    }
}
