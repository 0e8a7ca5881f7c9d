package io.facesearch.client;

import java.util.List;

/**
 * The outcome of deleting faces by id.
 *
 * @param deleted how many faces were deleted
 * @param notFound the requested ids that were not in the collection
 */
public record DeletedFaces(int deleted, List<String> notFound) {

    public DeletedFaces {
        notFound = List.copyOf(notFound);
    }
}
