/**
 * One indexing run: the reader, the pipeline workers and the sender, joined by bounded queues;
 * which faces are enrolled, with which ids and metadata; the server stream and its reconnection.
 */
package io.facesearch.indexer.run;
