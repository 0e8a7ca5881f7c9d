package io.facesearch.server.service;

/** Told when collections open and close, e.g. to register their metrics. */
public interface CollectionListener {
    CollectionListener NONE = new CollectionListener() {
    };

    default void opened(OpenCollection collection) {
    }

    default void closed(OpenCollection collection) {
    }
}
