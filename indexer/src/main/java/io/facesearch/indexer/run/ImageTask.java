package io.facesearch.indexer.run;

/** A photo read and waiting for the pipeline. */
record ImageTask(PhotoRef photo, byte[] bytes) {
}
