/** The progress bar: photos and faces per second, and the time left. */
package io.facesearch.indexer.progress;
