/**
 * The commands against a server: {@code collections}, {@code enroll}, {@code search}, {@code faces}
 * and {@code subjects}, and {@link io.facesearch.cli.remote.ServerOptions}, how every one of them
 * (and {@code index}) reaches the server. Built on the public SDK alone.
 */
package io.facesearch.cli.remote;
