package io.facesearch.store.embedded.hnsw;

import io.facesearch.domain.IndexFormat;

class HnswFloat32IndexTest extends HnswIndexContract {
    @Override
    IndexFormat format() {
        return IndexFormat.HNSW_FLOAT32;
    }
}
