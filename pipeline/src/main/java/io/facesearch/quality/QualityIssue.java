package io.facesearch.quality;

/** Why a face is unfit to be enrolled: the rules of {@link QualityGate}, in the order it checks them. */
public enum QualityIssue {
    /** The detector is not confident that this is a face. */
    LOW_SCORE,
    /** The landmarks fit a face much smaller or larger than the detection box: usually no face at all. */
    LANDMARKS_DISAGREE,
    /** Too few pixels across the face for a reliable descriptor. */
    TOO_SMALL,
    /** The face chip holds too little detail: motion or focus blur, or a face enlarged from few pixels. */
    BLURRY,
    /** The head is turned, nodded or tilted too far for the descriptor to be reliable. */
    EXTREME_POSE
}
