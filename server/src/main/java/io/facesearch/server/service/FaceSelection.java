package io.facesearch.server.service;

/** Which faces of an image enrolment stores when it finds several. */
public enum FaceSelection {
    /** The largest face only. */
    LARGEST,
    /** Every face, all under the same subject. */
    ALL,
    /** None, if there is more than one. */
    FAIL_IF_SEVERAL
}
