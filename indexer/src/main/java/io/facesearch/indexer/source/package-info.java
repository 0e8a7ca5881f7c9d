/** The inputs the indexer reads: folder trees, zip archives and tar archives, plain or gzip-compressed. */
package io.facesearch.indexer.source;
