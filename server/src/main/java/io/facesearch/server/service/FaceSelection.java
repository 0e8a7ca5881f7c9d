package io.facesearch.server.service;

/** Which faces of an image enrolment stores when it finds several. */
public enum FaceSelection {
    /** The main face only: the largest near the image's centre. */
    MAIN,
    /** Every face, all under the same subject. */
    ALL,
    /** None, if there is more than one. */
    FAIL_IF_SEVERAL
}
