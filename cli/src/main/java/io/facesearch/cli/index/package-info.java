/**
 * The {@code facesearch index} command: options, the report's destination, and the progress bar
 * drawn for the indexer's {@link io.facesearch.indexer.progress.Progress}.
 */
package io.facesearch.cli.index;
