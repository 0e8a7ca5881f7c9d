package io.facesearch.indexer.label;

import java.util.Map;

/**
 * Folder-per-subject labels ({@code root/<subject>/<photo>}): the folder that holds a photo names
 * its subject. Taking the nearest folder rather than the first below the root means an archive
 * that wraps everything in one top folder ({@code lfw/<subject>/<photo>}) needs no option.
 */
public final class FolderLabels implements Labels {

    @Override
    public boolean accepts(String path) {
        return PhotoNames.isPhoto(path);
    }

    @Override
    public Label labelOf(String path) {
        if (!accepts(path)) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return new Label.Unusable("NO_SUBJECT_FOLDER",
                    "the photo is not in a subject folder (expected <subject>/<photo> with folder labels)");
        }
        String folder = path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
        return new Label.Subject(folder, Map.of());
    }

    @Override
    public String kind() {
        return "folders";
    }
}
