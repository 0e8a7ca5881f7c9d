package io.facesearch.client;

import java.util.List;

/**
 * A face found in a photo, before any storage.
 *
 * @param box where the face is
 * @param quality detector confidence in [0, 1]
 * @param landmarks the 68 points of the iBUG 300-W convention; empty when not computed
 * @param expressions expression probabilities, or null when not requested
 * @param embedding the face's embedding, or null when not requested
 * @param faceQuality the server's quality measures and its enrolment gate's verdict, or null from a
 *     server that does not report them
 */
public record DetectedFace(Box box, float quality, List<Point> landmarks, Expressions expressions, float[] embedding,
        FaceQuality faceQuality) {

    public DetectedFace {
        landmarks = List.copyOf(landmarks);
    }
}
