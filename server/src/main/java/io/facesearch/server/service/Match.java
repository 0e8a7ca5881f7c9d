package io.facesearch.server.service;

import java.util.UUID;

/** An enrolled face near a query. */
public record Match(String subjectId, UUID faceId, float similarity, float distance) {
}
