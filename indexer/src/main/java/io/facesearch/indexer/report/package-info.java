/** The final JSON report: counts, problems grouped by reason, duration and throughput. */
package io.facesearch.indexer.report;
