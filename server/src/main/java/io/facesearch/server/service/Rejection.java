package io.facesearch.server.service;

import io.facesearch.face.FaceBox;
import io.facesearch.quality.QualityIssue;

/** A face found in an image but not enrolled, and why. */
public record Rejection(FaceBox box, Reason reason, String message) {
    /** The face selection's reasons, then the quality gate's ({@link QualityIssue}, same names). */
    public enum Reason {
        NOT_MAIN, SEVERAL_FACES, LOW_SCORE, LANDMARKS_DISAGREE, TOO_SMALL, BLURRY, EXTREME_POSE;

        /** The reason for a face the quality gate refused. */
        public static Reason of(QualityIssue issue) {
            return switch (issue) {
                case LOW_SCORE -> LOW_SCORE;
                case LANDMARKS_DISAGREE -> LANDMARKS_DISAGREE;
                case TOO_SMALL -> TOO_SMALL;
                case BLURRY -> BLURRY;
                case EXTREME_POSE -> EXTREME_POSE;
            };
        }
    }
}
