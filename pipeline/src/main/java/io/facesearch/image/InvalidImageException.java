package io.facesearch.image;

/** The bytes given are not an image FaceSearch can read, or one it refuses to read. */
public class InvalidImageException extends Exception {

    /** Why the image was refused; callers map this to their own error codes. */
    public enum Reason {
        EMPTY, NOT_AN_IMAGE, CORRUPT, TOO_LARGE,
        /** An image, in a format FaceSearch does not read (HEIC, TIFF, ...): the message names it. */
        UNSUPPORTED_FORMAT
    }

    private final Reason reason;

    public InvalidImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
