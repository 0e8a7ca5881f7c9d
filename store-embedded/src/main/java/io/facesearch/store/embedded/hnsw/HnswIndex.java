package io.facesearch.store.embedded.hnsw;

import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.store.Neighbor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene HNSW index in its own directory. One document per face:
 * <ul>
 *   <li>{@code id}: the face id's 16 bytes (uuid layout of the store), indexed, to replace and delete
 *   <li>{@code id_dv}: the same bytes as binary doc values, to name the faces a search finds
 *   <li>{@code v}: the vector: normalised with DOT_PRODUCT similarity for COSINE collections, raw
 *       with EUCLIDEAN similarity for EUCLIDEAN ones (embedding norms vary, so cosine order is not
 *       Euclidean order)
 * </ul>
 * Each commit's user data holds {@code facesearch.applied-sequence} (the change-log watermark,
 * decimal) and {@code facesearch.layout} (format, metric and dimension); an index whose layout
 * differs from the collection's is cleared and reports {@code appliedSequence() == -1}.
 *
 * <p>Searches collect {@link HnswSettings#candidates()} neighbours (more for int8) and re-rank
 * them by their exact distance computed from the stored float vectors.
 */
public final class HnswIndex implements WritableIndex {
    static final String ID = "id";
    static final String ID_VALUES = "id_dv";
    static final String VECTOR = "v";
    static final String APPLIED_KEY = "facesearch.applied-sequence";
    static final String LAYOUT_KEY = "facesearch.layout";

    private final Metric metric;
    private final IndexFormat format;
    private final int dimension;
    private final HnswSettings settings;
    private final VectorSimilarityFunction similarity;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long appliedSequence;

    public HnswIndex(Path dir, Metric metric, IndexFormat format, int dimension, HnswSettings settings) throws IOException {
        this.metric = metric;
        this.format = format;
        this.dimension = dimension;
        this.settings = settings;
        this.similarity = metric == Metric.COSINE ? VectorSimilarityFunction.DOT_PRODUCT : VectorSimilarityFunction.EUCLIDEAN;
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new VectorCodec(format, settings))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Uncommitted changes are replayed from the change log, so closing must not commit them
                // under a stale watermark.
                .setCommitOnClose(false)
                // Larger flushes mean fewer small segments to build graphs for and merge.
                .setRAMBufferSizeMB(128)
                .setMergePolicy(erasingMergePolicy());
        this.writer = new IndexWriter(directory, config);
        Map<String, String> committed = new HashMap<>();
        if (DirectoryReader.indexExists(directory)) {
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                data.forEach(e -> committed.put(e.getKey(), e.getValue()));
            }
        }
        if (layout().equals(committed.get(LAYOUT_KEY)) && committed.containsKey(APPLIED_KEY)) {
            this.appliedSequence = Long.parseLong(committed.get(APPLIED_KEY));
        } else {
            writer.deleteAll();
            this.appliedSequence = -1;
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Lucene's default policy, except that {@link #compact} rewrites every segment holding a
     * deleted document (by default it skips segments under 10 % deleted), so that erasure leaves
     * nothing of a deleted face on disk.
     */
    private static TieredMergePolicy erasingMergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setForceMergeDeletesPctAllowed(0);
        return policy;
    }

    private String layout() {
        return format + "/" + metric + "/" + dimension;
    }

    @Override
    public void upsert(UUID faceId, float[] vector) throws IOException {
        BytesRef id = idBytes(faceId);
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID_VALUES, id));
        doc.add(new KnnFloatVectorField(VECTOR, prepare(vector), similarity));
        writer.updateDocument(new Term(ID, id), doc);
    }

    @Override
    public void delete(UUID faceId) throws IOException {
        writer.deleteDocuments(new Term(ID, idBytes(faceId)));
    }

    @Override
    public void clear() throws IOException {
        writer.deleteAll();
    }

    @Override
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    @Override
    public List<Neighbor> search(float[] query, int k) throws IOException {
        float[] target = prepare(query);
        int wanted = Math.max(k, settings.candidates());
        if (format == IndexFormat.HNSW_INT8) {
            wanted *= settings.quantizedOversample();
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, target, wanted), wanted);
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            return nearest(searcher, target, docs, k);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public List<Neighbor> searchExact(float[] query, int k) throws IOException {
        float[] target = prepare(query);
        IndexSearcher searcher = searchers.acquire();
        try {
            PriorityQueue<ScoreDoc> worstFirst = new PriorityQueue<>(Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed());
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (values == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                KnnVectorValues.DocIndexIterator it = values.iterator();
                for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    float d = metric.distance(target, values.vectorValue(it.index()));
                    if (worstFirst.size() < k) {
                        worstFirst.add(new ScoreDoc(leaf.docBase + doc, d));
                    } else if (d < worstFirst.peek().score) {
                        worstFirst.poll();
                        worstFirst.add(new ScoreDoc(leaf.docBase + doc, d));
                    }
                }
            }
            int[] docs = worstFirst.stream().mapToInt(d -> d.doc).toArray();
            return nearest(searcher, target, docs, k);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Names the given documents, computes their exact distances and keeps the {@code k} nearest. */
    private List<Neighbor> nearest(IndexSearcher searcher, float[] target, int[] docs, int k) throws IOException {
        java.util.Arrays.sort(docs);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Neighbor> found = new ArrayList<>(docs.length);
        int i = 0;
        while (i < docs.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            LeafReader reader = leaf.reader();
            BinaryDocValues ids = reader.getBinaryDocValues(ID_VALUES);
            FloatVectorValues values = reader.getFloatVectorValues(VECTOR);
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (; i < docs.length && docs[i] < leaf.docBase + reader.maxDoc(); i++) {
                int doc = docs[i] - leaf.docBase;
                if (!ids.advanceExact(doc) || it.advance(doc) != doc) {
                    throw new IllegalStateException("document " + doc + " lacks an id or a vector");
                }
                BytesRef id = ids.binaryValue();
                ByteBuffer bytes = ByteBuffer.wrap(id.bytes, id.offset, id.length);
                UUID faceId = new UUID(bytes.getLong(), bytes.getLong());
                found.add(new Neighbor(faceId, metric.distance(target, values.vectorValue(it.index()))));
            }
        }
        found.sort(Comparator.comparingDouble(Neighbor::distance));
        return found.size() > k ? new ArrayList<>(found.subList(0, k)) : found;
    }

    @Override
    public int size() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void commit(long appliedSequence) throws IOException {
        writer.setLiveCommitData(Map.of(APPLIED_KEY, Long.toString(appliedSequence), LAYOUT_KEY, layout()).entrySet());
        writer.commit();
        this.appliedSequence = appliedSequence;
    }

    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    @Override
    public long sizeOnDiskBytes() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            try {
                total += directory.fileLength(file);
            } catch (java.nio.file.NoSuchFileException e) {
                // Merged away between listing and measuring.
            }
        }
        return total;
    }

    /**
     * Merges the segments that hold deleted documents (or all of them, down to {@code maxSegments})
     * and makes the result visible, so the old segment files are released and deleted.
     */
    @Override
    public void compact(int maxSegments) throws IOException {
        if (maxSegments > 0) {
            writer.forceMerge(maxSegments, true);
        } else {
            writer.forceMergeDeletes(true);
        }
        refresh();
    }

    @Override
    public int segmentCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** The vector as indexed: checked, and unit length for DOT_PRODUCT. */
    private float[] prepare(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected a vector of " + dimension + " values, got " + vector.length);
        }
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("vector holds a non-finite value");
            }
        }
        if (similarity != VectorSimilarityFunction.DOT_PRODUCT) {
            return vector;
        }
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("a zero vector has no direction to compare by cosine");
        }
        float[] unit = new float[vector.length];
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] * scale);
        }
        return unit;
    }

    private static BytesRef idBytes(UUID faceId) {
        return new BytesRef(ByteBuffer.allocate(16).putLong(faceId.getMostSignificantBits())
                .putLong(faceId.getLeastSignificantBits()).array());
    }
}
