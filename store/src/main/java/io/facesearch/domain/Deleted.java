package io.facesearch.domain;

import java.util.List;
import java.util.UUID;

/** What a delete removed, and which requested ids it did not find. */
public record Deleted(List<StoredFace> faces, List<UUID> notFound) {
    public Deleted {
        faces = List.copyOf(faces);
        notFound = List.copyOf(notFound);
    }
}
