package io.facesearch.face;

/**
 * One face found in an image: where it is, how sure the detector is, its landmarks, its descriptor
 * and (when asked for) its expression. {@code expressions} may be null.
 */
public record Face(FaceBox box, float score, Landmarks landmarks, Embedding embedding, Expressions expressions) {
}
