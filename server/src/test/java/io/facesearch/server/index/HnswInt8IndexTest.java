package io.facesearch.server.index;

import io.facesearch.server.store.IndexFormat;

class HnswInt8IndexTest extends HnswIndexContract {
    @Override
    IndexFormat format() {
        return IndexFormat.HNSW_INT8;
    }
}
