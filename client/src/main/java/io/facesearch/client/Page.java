package io.facesearch.client;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items of this page, in listing order
 * @param nextPageToken pass it to get the next page; empty on the last page
 */
public record Page<T>(List<T> items, String nextPageToken) {

    public Page {
        items = List.copyOf(items);
        nextPageToken = nextPageToken == null ? "" : nextPageToken;
    }

    /** True when there is a page after this one. */
    public boolean hasNext() {
        return !nextPageToken.isEmpty();
    }
}
