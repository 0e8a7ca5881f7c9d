package io.facesearch.detect;

import io.facesearch.face.FaceBox;

/** A detected face: its box in image pixels (may reach past the image edge) and the detector score. */
public record Detection(FaceBox box, float score) {
}
