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
        /** The server's quality gate: the detector is not confident this is a face ({@code quality.min.score}). */
        LOW_SCORE,
        /** The quality gate: the landmarks fit a face of another size than the box, usually no face at all. */
        LANDMARKS_DISAGREE,
        /** The quality gate: the face is fewer pixels across than {@code quality.min.face.px}. */
        TOO_SMALL,
        /** The quality gate: the face is blurred ({@code quality.min.sharpness}). */
        BLURRY,
        /** The quality gate: the head is turned, nodded or tilted too far ({@code quality.max.yaw}, ...). */
        EXTREME_POSE,
        /** A reason this client does not know yet. */
        OTHER
    }
}
