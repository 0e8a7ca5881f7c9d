/**
 * The {@code facesearch} command ({@link io.facesearch.cli.FaceSearchCommand}) and what its
 * subcommands share: the {@link io.facesearch.cli.ExitStatus} table, the expansion of FILES|DIRS
 * into photos, tables, the terminal progress bar and the duration option.
 */
package io.facesearch.cli;
