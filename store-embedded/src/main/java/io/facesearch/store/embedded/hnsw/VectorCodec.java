package io.facesearch.store.embedded.hnsw;

import io.facesearch.domain.IndexFormat;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * Lucene's default codec with the vector format of a collection's {@link IndexFormat}. The codec
 * keeps Lucene's name, and each segment records its vector format's SPI name, so a reader needs
 * no FaceSearch class to open the index.
 */
final class VectorCodec extends Lucene104Codec {
    /** Threads that build one merged HNSW graph together: the cores of the machine. */
    private static final int MERGE_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final KnnVectorsFormat vectors;

    VectorCodec(IndexFormat format, HnswSettings settings) {
        // A null executor with several workers: merges build their graph on the merge scheduler's
        // intra-merge threads, so a merge after a bulk load uses every core, not one.
        this.vectors = switch (format) {
            case HNSW_FLOAT32 -> new Lucene99HnswVectorsFormat(settings.maxConn(), settings.beamWidth(), MERGE_WORKERS, null);
            // 8 bits per dimension, both for stored vectors and queries; raw floats are kept too.
            case HNSW_INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE,
                    settings.maxConn(), settings.beamWidth(), MERGE_WORKERS, null);
        };
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
    }
}
