package io.facesearch.server.index;

import io.facesearch.server.store.IndexFormat;

class HnswFloat32IndexTest extends HnswIndexContract {
    @Override
    IndexFormat format() {
        return IndexFormat.HNSW_FLOAT32;
    }
}
