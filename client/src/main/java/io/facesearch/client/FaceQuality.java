package io.facesearch.client;

/**
 * How fit a face is to be enrolled, as the server measured it, and what its enrolment quality gate
 * would decide. Detect and Search report it; only enrolment refuses on it.
 *
 * @param score detector confidence in [0, 1]
 * @param boxToFace the box's size over the size of the face its landmarks fit; near 1 when they agree
 * @param facePixels the shorter side of the box, in the photo's pixels
 * @param sharpness variance of the Laplacian of the aligned grey face chip; low when blurred
 * @param yaw estimated head turn in degrees, 0 frontal
 * @param pitch estimated head nod in degrees, 0 frontal
 * @param roll tilt of the eye line in degrees, 0 level
 * @param passed true when enrolment would accept the face
 * @param reason when not passed, the first rule broken (one of the quality reasons), else null
 * @param message when not passed, the server's explanation; else empty
 */
public record FaceQuality(float score, float boxToFace, float facePixels, float sharpness, float yaw, float pitch, float roll,
        boolean passed, RejectedFace.Reason reason, String message) {
}
