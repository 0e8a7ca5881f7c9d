/**
 * The crash-safe journal that makes a run resumable: an append-only text file, one line per photo
 * done, with its format documented in {@link io.facesearch.indexer.journal.JournalFormat}.
 */
package io.facesearch.indexer.journal;
