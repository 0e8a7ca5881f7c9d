package io.facesearch.store.embedded.hnsw;

/**
 * Graph and search parameters of {@link HnswIndex}.
 *
 * @param maxConn neighbours per graph node; Lucene's default 16 gives recall@10 above 0.99 on a
 *     million face embeddings with {@code candidates} of 100, 0.996 with 150
 * @param beamWidth candidates kept while inserting a node (Lucene's default 100); higher builds a
 *     better graph, more slowly
 * @param candidates how many neighbours a search collects before keeping the k nearest, when that
 *     is more than k; the search-time breadth ("ef") that trades latency for recall. 150 by default:
 *     at 1,000,000 faces it lifts recall@10 from 0.990 to 0.996 for 0.06 ms more per search at
 *     the median and 0.08-0.11 ms at p99 (docs/benchmarks.md, "Server")
 * @param quantizedOversample for the int8 format, how many more candidates to collect before the
 *     exact re-rank, since quantised scores misorder close neighbours
 */
public record HnswSettings(int maxConn, int beamWidth, int candidates, int quantizedOversample) {
    public static final HnswSettings DEFAULT = new HnswSettings(16, 100, 150, 2);

    public HnswSettings {
        if (maxConn < 2 || maxConn > 512) {
            throw new IllegalArgumentException("maxConn must be in [2, 512], got " + maxConn);
        }
        if (beamWidth < 1 || beamWidth > 3200) {
            throw new IllegalArgumentException("beamWidth must be in [1, 3200], got " + beamWidth);
        }
        if (candidates < 1 || candidates > 10_000) {
            throw new IllegalArgumentException("candidates must be in [1, 10000], got " + candidates);
        }
        if (quantizedOversample < 1 || quantizedOversample > 16) {
            throw new IllegalArgumentException("quantizedOversample must be in [1, 16], got " + quantizedOversample);
        }
    }
}
