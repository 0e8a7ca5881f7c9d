package io.facesearch.server.service;

/** Told when collections open and close, e.g. to register their metrics. */
public interface CollectionListener {
    CollectionListener NONE = new CollectionListener() {
    };

    default void opened(OpenCollection collection) {
    }

    default void closed(OpenCollection collection) {
    }

    /** Tells each listener in turn. */
    static CollectionListener all(CollectionListener... listeners) {
        java.util.List<CollectionListener> each = java.util.List.of(listeners);
        return new CollectionListener() {
            @Override
            public void opened(OpenCollection collection) {
                each.forEach(l -> l.opened(collection));
            }

            @Override
            public void closed(OpenCollection collection) {
                each.forEach(l -> l.closed(collection));
            }
        };
    }
}
