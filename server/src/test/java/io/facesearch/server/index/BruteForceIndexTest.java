package io.facesearch.server.index;

import io.facesearch.server.store.Metric;

class BruteForceIndexTest extends VectorIndexContract {
    @Override
    VectorIndex create(Metric metric, int dimension) {
        return new BruteForceIndex(metric, dimension);
    }
}
