package io.facesearch.client;

/** Which faces of a photo to enrol when it holds more than one. */
public enum FaceSelection {
    /** Only the main face, the largest near the centre; the others come back as rejected. The server's default. */
    MAIN,
    /** Every face found, all under the same subject. */
    ALL,
    /** Nothing when the photo holds more than one face; each comes back as rejected. */
    FAIL_IF_SEVERAL
}
