package io.facesearch.client;

/** Whether a query face is an enrolled subject, as the server decided at its target FPIR. */
public enum Decision {
    /** The first candidate is the person: its score is above the open-set threshold. */
    IDENTIFIED,
    /**
     * The person is not enrolled, as far as the collection can tell: no candidate, or the nearest one
     * is not convincing enough at the target FPIR.
     */
    UNKNOWN
}
