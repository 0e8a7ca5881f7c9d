package io.facesearch.indexer.label;

import java.util.Map;

/** No labels: every photo's faces are stored unlabeled, for later clustering. */
public final class NoLabels implements Labels {
    private static final Label UNLABELED = new Label.Unlabeled(Map.of());

    @Override
    public boolean accepts(String path) {
        return PhotoNames.isPhoto(path);
    }

    @Override
    public Label labelOf(String path) {
        return accepts(path) ? UNLABELED : null;
    }

    @Override
    public String kind() {
        return "none";
    }
}
