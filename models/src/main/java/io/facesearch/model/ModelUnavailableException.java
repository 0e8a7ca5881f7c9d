package io.facesearch.model;

/**
 * The face models could be neither found nor made. The message tells the operator what to do;
 * the cause says what went wrong.
 */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelUnavailableException(String message) {
        super(message);
    }
}
