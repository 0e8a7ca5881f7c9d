/**
 * The Java client of a FaceSearch server.
 *
 * <p>The API is {@link io.facesearch.client.FaceSearchClient} (blocking calls),
 * {@link io.facesearch.client.AsyncFaceSearchClient} (the same calls returning futures) and
 * {@link io.facesearch.client.BulkEnrollment} (many enrolments over one stream), configured with
 * {@link io.facesearch.client.FaceSearchClientBuilder}. Requests and replies are records
 * ({@link io.facesearch.client.Enrollment}, {@link io.facesearch.client.SearchResult},
 * {@link io.facesearch.client.Face}, ...), and every failure is a
 * {@link io.facesearch.client.FaceSearchException} carrying the gRPC status code and the server's
 * message. The classes that are not public (the gRPC stubs' use, the mapping to and from the
 * protobuf messages, the retry policy) are the implementation and may change.
 */
package io.facesearch.client;
