package io.facesearch.store.embedded;

import io.facesearch.store.BackendSettings;
import io.facesearch.store.StorageBackend;
import io.facesearch.store.StorageBackendProvider;

/** The {@code embedded} backend: RocksDB and Lucene HNSW in the server's data directory. */
public final class EmbeddedBackendProvider implements StorageBackendProvider {
    public static final String NAME = "embedded";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StorageBackend open(BackendSettings settings) {
        return EmbeddedBackend.open(settings.dataDir(), EmbeddedSettings.from(settings), settings.clock());
    }
}
