/** The {@code facesearch index} command: options, exit statuses, the report's destination. */
package io.facesearch.indexer.cli;
