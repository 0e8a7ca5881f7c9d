package io.facesearch.client;

/**
 * One face found in a query photo, with its matches.
 *
 * @param face the query face
 * @param matches its nearest enrolled faces
 */
public record SearchResult(DetectedFace face, Matches matches) {
}
