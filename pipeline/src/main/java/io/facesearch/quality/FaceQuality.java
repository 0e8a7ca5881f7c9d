package io.facesearch.quality;

/**
 * How fit a face is to be enrolled, measured from what the pipeline already has: its detection,
 * its landmarks and its aligned chip. {@link QualityGate} decides on these measures.
 *
 * @param score the detector's confidence in [0, 1]
 * @param boxToFace the detection box's size over the size of the face its landmarks fit
 *     ({@link io.facesearch.align.LandmarkAgreement#boxToFace}): near 1 when they agree
 * @param facePixels the shorter side of the detection box, in pixels of the photo as sent (before
 *     any downscaling by the decoder)
 * @param sharpness the variance of the Laplacian of the grey face chip (the 150 px dlib chip, on its
 *     central 100 x 100 px, the face without the padding), in grey levels squared: low when blurred
 * @param yaw head turn left or right in degrees, estimated from where the nose tip sits between the
 *     jaw's ends (0 frontal, about 90 in profile; the sign says which way)
 * @param pitch head nod up or down in degrees, estimated from where the nose tip sits between the
 *     eye line and the chin, against its place on a frontal face (0 frontal)
 * @param roll in-plane tilt of the eye line in degrees (0 level)
 */
public record FaceQuality(float score, double boxToFace, double facePixels, double sharpness, double yaw, double pitch,
        double roll) {
}
