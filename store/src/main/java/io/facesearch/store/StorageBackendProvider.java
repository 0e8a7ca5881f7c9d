package io.facesearch.store;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A storage backend implementation, registered in
 * {@code META-INF/services/io.facesearch.store.StorageBackendProvider} and chosen by
 * {@link #name()} (the server's {@code backend} setting).
 */
public interface StorageBackendProvider {

    /** The name configurations use, e.g. {@code embedded}. */
    String name();

    /** Opens (creating if needed) the backend's data; fails rather than open it half. */
    StorageBackend open(BackendSettings settings);

    /**
     * The provider of that name on the class path.
     *
     * @throws IllegalArgumentException naming the backends available when none has that name
     */
    static StorageBackendProvider named(String name) {
        List<StorageBackendProvider> providers = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown storage backend '" + name + "'; available: "
                        + providers.stream().map(StorageBackendProvider::name).sorted().toList()
                        + " (a backend is found on the class path by its module, e.g. facesearch-store-embedded)"));
    }
}
