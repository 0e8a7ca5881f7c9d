package io.facesearch.domain;

/** The database failed (I/O, corruption); not the caller's fault. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
