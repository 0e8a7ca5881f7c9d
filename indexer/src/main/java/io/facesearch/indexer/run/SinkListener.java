package io.facesearch.indexer.run;

/** What becomes of each photo handed to a {@link FaceSink}; called from the sink's threads. */
interface SinkListener {

    /** Every face of the photo is stored; {@code alreadyStored} of them were stored by an earlier run. */
    void stored(PhotoRef photo, int faces, int alreadyStored);

    /** The server refused a face of the photo (the others may be stored; a rerun sends them again). */
    void refused(PhotoRef photo, String reason, String message);

    /** The photo's faces were not all acknowledged before the sink gave up. */
    void lost(PhotoRef photo);

    /** The stream to the server broke; the sink pauses and opens a new one. */
    void reconnecting(String why);
}
