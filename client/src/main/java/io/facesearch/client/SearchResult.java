package io.facesearch.client;

/**
 * One face found in a query photo, with who it is.
 *
 * @param face the query face
 * @param matches its identification (decision and subject candidates) and, on request, its face
 *     matches
 */
public record SearchResult(DetectedFace face, Matches matches) {
}
