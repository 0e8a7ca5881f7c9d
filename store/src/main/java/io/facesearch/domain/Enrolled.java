package io.facesearch.domain;

import java.util.List;

/**
 * What one {@link EnrollItem} stored.
 *
 * @param replayed true when the request id had been seen: {@code faces} are those the first
 *     request stored (less any deleted since), and nothing new was written
 */
public record Enrolled(List<StoredFace> faces, boolean replayed) {
    public Enrolled {
        faces = List.copyOf(faces);
    }
}
