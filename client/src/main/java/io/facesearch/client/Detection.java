package io.facesearch.client;

import java.util.List;

/**
 * The faces of a photo, as the server's pipeline sees them.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param faces the faces found, main face first
 * @param modelId the model that computed the embeddings
 */
public record Detection(int width, int height, List<DetectedFace> faces, String modelId) {

    public Detection {
        faces = List.copyOf(faces);
    }
}
