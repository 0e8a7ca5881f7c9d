package io.facesearch.domain;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;

/**
 * A face to enrol, before it has an id.
 *
 * @param box null for a precomputed embedding
 * @param landmarks null for a precomputed embedding
 */
public record NewFace(float[] embedding, FaceBox box, float quality, Landmarks landmarks, StoredFace.Source source) {
    public NewFace {
        embedding = embedding.clone();
    }
}
