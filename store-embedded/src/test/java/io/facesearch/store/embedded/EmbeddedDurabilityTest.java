package io.facesearch.store.embedded;

import io.facesearch.store.BackendSettings;
import io.facesearch.store.StorageBackend;
import io.facesearch.store.StorageBackendProvider;
import io.facesearch.store.contract.DurabilityContract;

/** The embedded backend, found by name as the server finds it, passes {@link DurabilityContract}. */
class EmbeddedDurabilityTest extends DurabilityContract {
    @Override
    protected StorageBackend open(BackendSettings settings) {
        return StorageBackendProvider.named(EmbeddedBackendProvider.NAME).open(settings);
    }
}
