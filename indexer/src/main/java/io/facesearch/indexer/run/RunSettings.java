package io.facesearch.indexer.run;

/**
 * How a run indexes.
 *
 * @param collection the collection to enrol into
 * @param archiveName the input's file or folder name, kept with each face
 * @param modelId the pipeline's model id, checked by the server against the collection's
 * @param threads photos analysed at once
 * @param maxInFlight faces sent and not yet acknowledged, at most
 * @param retries broken streams in a row (no acknowledgement between) before giving up
 * @param faces which faces of a photo to enrol
 * @param unlabeledSubject the one subject for every unlabeled face, or null for a subject per face
 */
public record RunSettings(String collection, String archiveName, String modelId, int threads, int maxInFlight, int retries,
        FaceChoice faces, String unlabeledSubject) {

    public RunSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0, got " + retries);
        }
    }
}
