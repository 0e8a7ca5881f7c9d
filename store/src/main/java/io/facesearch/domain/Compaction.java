package io.facesearch.domain;

/**
 * What a compaction of a collection did: the bytes of its search index before and after, the
 * index's segments after, and how long it took.
 */
public record Compaction(long indexBytesBefore, long indexBytesAfter, int segments, long tookMillis) {
}
