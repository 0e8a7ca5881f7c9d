package io.facesearch.store.embedded.hnsw;

import io.facesearch.domain.Metric;

class BruteForceIndexTest extends WritableIndexContract {
    @Override
    WritableIndex create(Metric metric, int dimension) {
        return new BruteForceIndex(metric, dimension);
    }
}
