package io.facesearch.server.service;

import io.facesearch.face.FaceBox;

/** A face found in an image but not enrolled, and why. */
public record Rejection(FaceBox box, Reason reason, String message) {
    public enum Reason {
        NOT_MAIN, SEVERAL_FACES
    }
}
