package io.facesearch.client;

/**
 * A face found in a photo that was not stored.
 *
 * @param box where it is in the photo
 * @param reason why it was not stored
 * @param message the server's explanation, for people
 */
public record RejectedFace(Box box, Reason reason, String message) {

    public enum Reason {
        /** {@link FaceSelection#MAIN} kept another face, larger or nearer the centre. */
        NOT_MAIN,
        /** {@link FaceSelection#FAIL_IF_SEVERAL} and the photo holds several faces. */
        SEVERAL_FACES,
        /** A reason this client does not know yet. */
        OTHER
    }
}
