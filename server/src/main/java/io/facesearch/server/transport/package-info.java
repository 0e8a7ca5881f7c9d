/**
 * How the server listens: TLS credentials from their files, the rule that keeps an
 * unprotected server on loopback, and the data directory's permissions.
 */
package io.facesearch.server.transport;
