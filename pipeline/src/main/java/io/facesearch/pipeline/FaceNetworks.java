package io.facesearch.pipeline;

import io.facesearch.model.Network;

/** The four face-api networks, loaded, and the version of the weights they came from. */
public record FaceNetworks(Network detector, Network landmarks, Network recognition, Network expression,
        String version) {
}
