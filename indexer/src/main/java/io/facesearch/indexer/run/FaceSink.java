package io.facesearch.indexer.run;

/**
 * Where the faces go: the server, or nowhere in a dry run. Used by one thread; what becomes of
 * each photo is told to a {@link SinkListener}.
 */
interface FaceSink {

    /**
     * Sends a photo's faces, blocking while the destination is not ready for more.
     *
     * @throws SinkFailedException when the destination is gone for good; nothing more can be sent
     */
    void send(OutgoingPhoto photo) throws InterruptedException;

    /**
     * Waits until every photo sent is stored or refused.
     *
     * @throws SinkFailedException when the destination went away first
     */
    void finish() throws InterruptedException;

    /** Gives up: every photo not yet stored or refused is told {@link SinkListener#lost}. */
    void abandon();

    /** The destination is gone and retrying did not bring it back. */
    final class SinkFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
