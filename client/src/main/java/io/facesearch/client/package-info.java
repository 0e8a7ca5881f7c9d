/**
 * The Java client of a FaceSearch server.
 *
 * <p>The API is {@link io.facesearch.client.FaceSearchClient} (blocking calls),
 * {@link io.facesearch.client.AsyncFaceSearchClient} (the same calls returning futures) and
 * {@link io.facesearch.client.BulkEnrollment} (many enrolments over one stream), configured with
 * {@link io.facesearch.client.FaceSearchClientBuilder}. Requests and replies are records
 * ({@link io.facesearch.client.Enrollment}, {@link io.facesearch.client.SearchResult},
 * {@link io.facesearch.client.Face}, ...), and every failure is a
 * {@link io.facesearch.client.FaceSearchException} carrying a {@link io.facesearch.client.StatusCode}
 * (NOT_FOUND, INVALID_ARGUMENT, UNAVAILABLE, ...) and the server's message. The classes that are not
 * public (the gRPC stubs' use, the mapping to and from the protobuf messages, the retry policy) are
 * the implementation and may change.
 *
 * <p>The jar brings gRPC (Netty, shaded), protobuf and the generated API, nothing else: no command
 * line library, no JSON library, no native library and no logging binding. The build fails if one
 * of them enters its compile or runtime dependencies. The {@code facesearch} command is the
 * facesearch-cli module, built on this API.
 */
package io.facesearch.client;
