/** What makes a photo the same photo (its content hash) and a face the same face (its request id). */
package io.facesearch.indexer.identity;
