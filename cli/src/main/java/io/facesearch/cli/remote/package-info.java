/**
 * The command line against a server: {@code collections}, {@code enroll}, {@code search},
 * {@code faces} and {@code subjects}, contributed to the {@code facesearch} command through
 * {@code META-INF/facesearch/commands}. Built on the public SDK alone.
 */
package io.facesearch.client.cli;
