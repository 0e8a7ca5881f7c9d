package io.facesearch.store;

import java.util.UUID;

/** A face near a query, with its distance in the collection's metric. */
public record Neighbor(UUID faceId, float distance) {
}
