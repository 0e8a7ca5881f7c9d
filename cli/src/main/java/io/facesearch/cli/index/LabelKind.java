package io.facesearch.cli.index;

/** Where labels come from when no manifest is given. */
enum LabelKind {
    /** root/&lt;subject&gt;/&lt;photo&gt;: the folder holding a photo names its subject. */
    FOLDERS,
    /** None: faces are stored unlabeled, for later clustering. */
    NONE
}
