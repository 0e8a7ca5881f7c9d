package io.facesearch.server.service;

import io.facesearch.domain.CollectionRecord;

/** A collection's settings with its current counts. */
public record CollectionInfo(CollectionRecord record, long faceCount, long subjectCount, long indexSizeBytes, long indexLag) {
}
