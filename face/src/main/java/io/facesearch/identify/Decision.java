package io.facesearch.identify;

/** The answer to "who is this?" for one probe face. */
public enum Decision {
    /** The top candidate is taken to be the person. */
    IDENTIFIED,
    /** The person is taken not to be enrolled (or no candidate is convincing enough). */
    UNKNOWN
}
