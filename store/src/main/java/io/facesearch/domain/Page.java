package io.facesearch.domain;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param after the position to resume from (pass to the next call), or null on the last page
 */
public record Page<T, P>(List<T> items, P after) {
    public Page {
        items = List.copyOf(items);
    }
}
