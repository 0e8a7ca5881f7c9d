/**
 * What a run tells whoever watches it ({@link io.facesearch.indexer.progress.Progress}): photos to
 * do, skipped and done. The command line draws it as a progress bar.
 */
package io.facesearch.indexer.progress;
