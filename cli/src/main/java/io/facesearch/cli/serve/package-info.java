/** The {@code facesearch serve} command: runs the server until it is stopped. */
package io.facesearch.cli.serve;
