package io.facesearch.store.embedded.hnsw;

import io.facesearch.domain.IndexFormat;

class HnswInt8IndexTest extends HnswIndexContract {
    @Override
    IndexFormat format() {
        return IndexFormat.HNSW_INT8;
    }
}
